//! `config_error`s for environment configuration that never quote the
//! configuration's text (DESIGN rule 12): TOML errors give the line,
//! column and key path, and say what kind of value was wrong, but not the
//! value or the source line (which may hold an API key).

use crate::error::{Error, ErrorCode};
use crate::secrets::without_quoted_strings;
use std::ops::Range;
use temporalio_client::envconfig::ConfigError;
use toml::de::{DeTable, DeValue};

/// Where a config error comes from, for its message.
#[derive(Debug, Clone, Copy)]
pub struct Origin<'a> {
    /// The TOML text the loader read, if any.
    pub text: Option<&'a str>,
    /// The file it came from, if any (`None` for `config_data`).
    pub file: Option<&'a str>,
}

fn config_error(message: String) -> Error {
    Error::new(ErrorCode::ConfigError, message)
}

/// Checks that `text` is TOML; the error locates the problem without quoting it.
pub fn check_syntax(origin: Origin<'_>) -> Result<(), Error> {
    let Some(text) = origin.text else {
        return Ok(());
    };
    match DeTable::parse(text) {
        Ok(_) => Ok(()),
        Err(e) => {
            // The parser's messages name grammar tokens, never the text;
            // quotes are dropped anyway, so a message can only lose detail.
            let message = e.message().replace("`\"`", "a double quote");
            let what = format!("TOML syntax error: {}", without_quoted_strings(&message));
            Err(located(origin, e.span(), what, None))
        }
    }
}

/// Converts an error of the official loader into a `config_error`.
pub fn from_config_error(e: ConfigError, origin: Origin<'_>) -> Error {
    match e {
        ConfigError::ProfileNotFound(name) => {
            config_error(format!("profile {name:?} not found")).with("profile", name)
        }
        ConfigError::InvalidConfig(message) => {
            config_error(format!("invalid configuration: {message}"))
        }
        ConfigError::LoadError(inner) => load_error(&*inner, origin),
    }
}

fn load_error(inner: &(dyn std::error::Error + 'static), origin: Origin<'_>) -> Error {
    if let Some(e) = inner.downcast_ref::<toml::de::Error>() {
        let span = e.span();
        let key = match (origin.text, &span) {
            (Some(text), Some(span)) => key_path_at(text, span.start),
            _ => None,
        };
        let what = value_error(e.message());
        return located(origin, span, what, key);
    }
    let message = if let Some(e) = inner.downcast_ref::<std::io::Error>() {
        format!("cannot read the configuration file: {e}")
    } else if inner.is::<std::str::Utf8Error>() {
        "the configuration is not valid UTF-8".to_owned()
    } else if let Some(e) = inner.downcast_ref::<std::env::VarError>() {
        format!("cannot read an environment variable: {e}")
    } else {
        "the configuration could not be loaded".to_owned()
    };
    config_error(message)
}

/// `{what} at line L, column C of <file>` plus `line`, `column`, `toml_key`
/// fields when known.
fn located(
    origin: Origin<'_>,
    span: Option<Range<usize>>,
    what: String,
    key: Option<String>,
) -> Error {
    let mut message = what;
    let place = origin
        .text
        .zip(span)
        .map(|(text, span)| line_and_column(text, span.start));
    if let Some(key) = &key {
        message.push_str(&format!(" (key `{key}`)"));
    }
    if let Some((line, column)) = place {
        message.push_str(&format!(" at line {line}, column {column}"));
    }
    if let Some(file) = origin.file {
        message.push_str(&format!(" of {file}"));
    }
    let mut err = config_error(message);
    if let Some((line, column)) = place {
        err = err.with("line", line).with("column", column);
    }
    if let Some(key) = key {
        err = err.with("toml_key", key);
    }
    err
}

/// 1-based line and column (in characters) of byte `offset`.
pub fn line_and_column(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map(|i| i + 1).unwrap_or(0);
    (line, before[line_start..].chars().count() + 1)
}

/// serde's message for a wrong value, without the value: `invalid type:
/// string "...", expected a boolean` becomes `invalid type: string,
/// expected a boolean`. Unknown and missing keys keep the key's name.
fn value_error(message: &str) -> String {
    for prefix in ["invalid type: ", "invalid value: "] {
        if let Some(rest) = message.strip_prefix(prefix) {
            let kind = rest
                .split([' ', ','])
                .next()
                .filter(|k| k.chars().all(|c| c.is_ascii_alphabetic()))
                .unwrap_or("value");
            return match rest.rsplit_once(", expected ") {
                Some((_, expected)) => format!("{prefix}{kind}, expected {expected}"),
                None => format!("{prefix}{kind}"),
            };
        }
    }
    let keeps_key = ["unknown field `", "missing field `", "duplicate key `"]
        .iter()
        .any(|p| message.starts_with(p));
    if keeps_key {
        without_quoted_strings(message)
    } else {
        "invalid value".to_owned()
    }
}

/// The dotted path of the innermost key whose key or value covers byte `pos`.
pub fn key_path_at(text: &str, pos: usize) -> Option<String> {
    let doc = DeTable::parse(text).ok()?;
    let mut path = Vec::new();
    find_in_table(doc.get_ref(), pos, &mut path).then(|| path.join("."))
}

fn find_in_table(table: &DeTable<'_>, pos: usize, path: &mut Vec<String>) -> bool {
    for (key, value) in table.iter() {
        path.push(key.get_ref().to_string());
        if find_in_value(value.get_ref(), pos, path)
            || key.span().contains(&pos)
            || value.span().contains(&pos)
        {
            return true;
        }
        path.pop();
    }
    false
}

fn find_in_value(value: &DeValue<'_>, pos: usize, path: &mut Vec<String>) -> bool {
    match value {
        DeValue::Table(t) => find_in_table(t, pos, path),
        DeValue::Array(items) => items.iter().enumerate().any(|(i, item)| {
            path.push(i.to_string());
            let found = find_in_value(item.get_ref(), pos, path) || item.span().contains(&pos);
            if !found {
                path.pop();
            }
            found
        }),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_are_one_based_characters() {
        assert_eq!(line_and_column("a = 1\nbé = x", 10), (2, 4));
        assert_eq!(line_and_column("", 0), (1, 1));
    }

    #[test]
    fn value_errors_drop_the_value() {
        assert_eq!(
            value_error(r#"invalid type: string "sk-secret, expected x", expected a boolean"#),
            "invalid type: string, expected a boolean"
        );
        assert_eq!(
            value_error("unknown field `bogus`, expected one of `a`, `b`"),
            "unknown field `bogus`, expected one of `a`, `b`"
        );
        assert_eq!(value_error("something \"sk-secret\""), "invalid value");
    }

    #[test]
    fn key_paths_follow_tables() {
        let text =
            "[profile.default]\naddress = \"x\"\n[profile.default.tls]\nclient_key_data = 5\n";
        let pos = text.find('5').unwrap();
        assert_eq!(
            key_path_at(text, pos).as_deref(),
            Some("profile.default.tls.client_key_data")
        );
    }
}
