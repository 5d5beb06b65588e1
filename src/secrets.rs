//! The process-wide registry of live secret values and the scrubber that
//! replaces them with `[redacted]` (DESIGN rule 12, defence in depth).
//!
//! Errors and log records are built so that they never quote a secret in
//! the first place; this registry catches what a dependency's message might
//! still carry. Clients register their API key, the values of their secret
//! headers and their TLS private keys for as long as they live; every error
//! object ([`crate::error::Error::to_json`]) and log record
//! ([`crate::logging`]) passes through [`scrub`] before it leaves the
//! library. With nothing registered, scrubbing is one atomic load.

use serde_json::Value;
use std::{
    borrow::Cow,
    sync::{
        atomic::{AtomicUsize, Ordering},
        Arc, RwLock,
    },
};

/// What a secret is replaced with.
pub(crate) const REDACTED: &str = "[redacted]";

/// Values shorter than this are not registered: scrubbing them would mangle
/// unrelated text. They are still never quoted on purpose.
pub(crate) const MIN_LEN: usize = 4;

/// A line of a multi-line secret (a PEM body line) shorter than this is
/// not registered on its own.
const MIN_LINE_LEN: usize = 16;

struct Entry {
    value: Arc<str>,
    refs: usize,
}

/// Registered values, longest first (so a whole PEM is replaced before its lines).
static SECRETS: RwLock<Vec<Entry>> = RwLock::new(Vec::new());
/// `SECRETS.len()`, readable without the lock.
static LIVE: AtomicUsize = AtomicUsize::new(0);

/// Keeps secret values registered; dropping it unregisters them.
#[derive(Default)]
pub struct Secret {
    values: Vec<Arc<str>>,
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Secret({REDACTED})")
    }
}

/// Registers `value` (and the forms in which it may show up in text: each
/// long line of a multi-line value, and its `{:?}`-escaped form) until the
/// returned guard is dropped.
pub fn register(value: &str) -> Secret {
    let mut forms: Vec<String> = Vec::new();
    let mut add = |s: &str, min: usize| {
        let s = s.trim();
        if s.chars().count() >= min && !forms.iter().any(|f| f == s) {
            forms.push(s.to_owned());
        }
    };
    add(value, MIN_LEN);
    let escaped = format!("{value:?}");
    add(&escaped[1..escaped.len() - 1], MIN_LEN);
    if value.contains('\n') {
        for line in value.lines() {
            add(line, MIN_LINE_LEN);
        }
    }
    if forms.is_empty() {
        return Secret::default();
    }
    let mut secrets = write_lock();
    let mut values = Vec::with_capacity(forms.len());
    for form in forms {
        if let Some(e) = secrets.iter_mut().find(|e| *e.value == *form) {
            e.refs += 1;
            values.push(e.value.clone());
        } else {
            let value: Arc<str> = form.into();
            values.push(value.clone());
            secrets.push(Entry { value, refs: 1 });
        }
    }
    secrets.sort_by_key(|e| std::cmp::Reverse(e.value.len()));
    LIVE.store(secrets.len(), Ordering::Release);
    Secret { values }
}

/// Registers bytes that are UTF-8 text (PEM files); other bytes are ignored.
pub fn register_bytes(value: &[u8]) -> Secret {
    std::str::from_utf8(value).map(register).unwrap_or_default()
}

impl Drop for Secret {
    fn drop(&mut self) {
        if self.values.is_empty() {
            return;
        }
        let mut secrets = write_lock();
        for value in &self.values {
            if let Some(i) = secrets.iter().position(|e| Arc::ptr_eq(&e.value, value)) {
                secrets[i].refs -= 1;
                if secrets[i].refs == 0 {
                    secrets.remove(i);
                }
            }
        }
        LIVE.store(secrets.len(), Ordering::Release);
    }
}

/// The header that always carries a secret (the API key, or a token).
pub(crate) const AUTHORIZATION: &str = "authorization";

/// The secrets one client keeps registered while it lives: its API key
/// (the current and the previous one, for calls still in flight), the
/// values of its secret headers, and its TLS private key.
#[derive(Debug, Default)]
pub struct ClientSecrets {
    secret_headers: Vec<String>,
    api_key: [Secret; 2],
    headers: [Vec<Secret>; 2],
    other: Vec<Secret>,
}

impl ClientSecrets {
    /// Secrets of a client whose headers named in `secret_headers` (any
    /// case), plus `authorization`, carry secrets.
    pub fn new<'a>(secret_headers: impl IntoIterator<Item = &'a String>) -> Self {
        let mut names: Vec<String> = secret_headers
            .into_iter()
            .map(|n| n.to_ascii_lowercase())
            .collect();
        names.push(AUTHORIZATION.to_owned());
        ClientSecrets {
            secret_headers: names,
            ..Default::default()
        }
    }

    /// True when header `name` (any case) carries a secret.
    pub fn is_secret_header(&self, name: &str) -> bool {
        self.secret_headers
            .iter()
            .any(|n| n.eq_ignore_ascii_case(name))
    }

    /// Registers a new API key; the previous one stays registered.
    pub fn set_api_key(&mut self, key: Option<&str>) {
        let new = key.map(register).unwrap_or_default();
        self.api_key.swap(0, 1);
        self.api_key[0] = new;
    }

    /// Registers the values of the secret headers among `headers`; those of
    /// the previous set stay registered.
    pub fn set_headers<'a>(&mut self, headers: impl IntoIterator<Item = (&'a String, &'a String)>) {
        let new: Vec<Secret> = headers
            .into_iter()
            .filter(|(k, _)| self.is_secret_header(k))
            .map(|(_, v)| register(v))
            .collect();
        self.headers.swap(0, 1);
        self.headers[0] = new;
    }

    /// Keeps another secret registered for the client's lifetime.
    pub fn keep(&mut self, secret: Secret) {
        self.other.push(secret);
    }
}

fn write_lock() -> std::sync::RwLockWriteGuard<'static, Vec<Entry>> {
    SECRETS.write().unwrap_or_else(|p| p.into_inner())
}

/// `text` with every registered secret replaced by [`REDACTED`]; borrowed
/// (no allocation) when it contains none.
pub fn scrub(text: &str) -> Cow<'_, str> {
    if LIVE.load(Ordering::Acquire) == 0 {
        return Cow::Borrowed(text);
    }
    let secrets = SECRETS.read().unwrap_or_else(|p| p.into_inner());
    let mut out = Cow::Borrowed(text);
    for e in secrets.iter() {
        if out.contains(&*e.value) {
            out = Cow::Owned(out.replace(&*e.value, REDACTED));
        }
    }
    out
}

/// `text` with the content of every double-quoted string (as serde and
/// `{:?}` quote values, backslash escapes included) replaced by `...`:
/// for messages that may quote a value the caller sent, such as a secret
/// given under the wrong key.
pub fn without_quoted_strings(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        out.push(c);
        if c != '"' {
            continue;
        }
        out.push_str("...");
        let mut escaped = false;
        for c in chars.by_ref() {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => {
                    out.push('"');
                    break;
                }
                _ => {}
            }
        }
    }
    out
}

/// Scrubs every string (keys included) inside a JSON value in place.
pub fn scrub_value(value: &mut Value) {
    if LIVE.load(Ordering::Acquire) == 0 {
        return;
    }
    match value {
        Value::String(s) => {
            if let Cow::Owned(clean) = scrub(s) {
                *s = clean;
            }
        }
        Value::Array(items) => items.iter_mut().for_each(scrub_value),
        Value::Object(map) => {
            let dirty = map.keys().any(|k| matches!(scrub(k), Cow::Owned(_)));
            if dirty {
                let old = std::mem::take(map);
                for (k, v) in old {
                    map.insert(scrub(&k).into_owned(), v);
                }
            }
            map.values_mut().for_each(scrub_value);
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn registered_values_are_scrubbed_until_dropped() {
        let guard = register("unit-secret-value-1");
        assert_eq!(scrub("key unit-secret-value-1 here"), "key [redacted] here");
        let mut v = json!({"m": ["a unit-secret-value-1"], "unit-secret-value-1": 1});
        scrub_value(&mut v);
        assert_eq!(v, json!({"m": ["a [redacted]"], "[redacted]": 1}));
        drop(guard);
        assert_eq!(scrub("unit-secret-value-1"), "unit-secret-value-1");
    }

    #[test]
    fn pem_lines_and_escaped_forms_are_scrubbed() {
        let pem = "-----BEGIN KEY-----\nAAAAunitpemline0123456789\nBBBB\n-----END KEY-----\n";
        let _guard = register(pem);
        assert_eq!(
            scrub("bad line AAAAunitpemline0123456789!"),
            "bad line [redacted]!"
        );
        let quoted = register("unit\"quoted\"secret");
        assert!(!scrub(r#"got "unit\"quoted\"secret""#).contains("quoted"));
        drop(quoted);
    }

    #[test]
    fn quoted_strings_are_dropped() {
        assert_eq!(
            without_quoted_strings(r#"invalid type: string "a\"b\\", expected a map"#),
            r#"invalid type: string "...", expected a map"#
        );
        assert_eq!(without_quoted_strings(r#"open "abc"#), r#"open "..."#);
        assert_eq!(without_quoted_strings("no quotes"), "no quotes");
    }

    #[test]
    fn short_values_are_not_registered() {
        let _guard = register("ab");
        assert_eq!(scrub("ab cab"), "ab cab");
    }
}
