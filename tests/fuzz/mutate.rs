//! Input generation: structured mutations of JSON values (drop, add and
//! rename keys, change types, extreme numbers and strings, deep nesting,
//! big arrays) and byte mutations of their text (truncation, trailing
//! bytes, invalid UTF-8, duplicated keys, non-JSON number tokens).

use crate::rng::Rng;
use serde_json::{Map, Number, Value};

/// Strings that probe parsers: durations, timestamps, base64, Unicode,
/// control characters, query injection.
const STRINGS: &[&str] = &[
    "100000000h",
    "999999999999h",
    "-1s",
    "1e400s",
    "0.0000000001ns",
    "9223372036854775807s",
    "18446744073709551616ms",
    "1.5",
    "",
    "h",
    "1d",
    "NaN",
    "inf",
    "-0s",
    "1h1m",
    " 1s",
    "1s ",
    "\u{663}s",
    "0",
    "315576000001s",
    "87660000h",
    "1e-9s",
    "0x10s",
    "+5s",
    "5 s",
    "10m",
    "9999-12-31T23:59:59Z",
    "0000-01-01T00:00:00Z",
    "2026-02-30T00:00:00Z",
    "1970-01-01T00:00:00-23:59",
    "+275760-09-13T00:00:00Z",
    "2026-01-01",
    "2026-01-01T00:00:00",
    "!!!",
    "AAEC",
    "====",
    "\u{0}",
    "\u{feff}",
    "e\u{301}",
    "\u{1f980}",
    "\u{202e}abc",
    "\n\r\t\u{7}",
    "' OR 1=1 --",
    "\\'",
    "%s%n%x",
    "x\"y",
    "default",
    "Echo",
    "running",
    "completed",
    "allow_all",
    "workflow",
    "operator",
    "health",
    "DescribeNamespace",
    "StartWorkflowExecution",
    "ListWorkflowExecutions",
    "GetWorkflowExecutionHistory",
    "PollWorkflowTaskQueue",
    "trace",
    "off",
    "accepted",
    "close",
    "first_workflow_task",
    "127.0.0.1:1",
    "Europe/Berlin",
    "Mars/Olympus",
    "* * * * * * *",
    "@every 1s",
];

fn numbers() -> Vec<Number> {
    let mut n: Vec<Number> = [
        0i64,
        -1,
        1,
        2,
        7,
        59,
        60,
        64,
        65,
        255,
        65_536,
        i32::MAX as i64,
        i32::MAX as i64 + 1,
        i32::MIN as i64,
        i32::MIN as i64 - 1,
        u32::MAX as i64 + 1,
        (1 << 53) + 1,
        i64::MAX,
        i64::MIN,
    ]
    .into_iter()
    .map(Number::from)
    .collect();
    n.push(Number::from(u64::MAX));
    for f in [
        0.5,
        -0.0,
        1e308,
        -1e308,
        5e-324,
        1.7976931348623157e308,
        1e-9,
        315_576_000_001.0,
        2.5,
        -1.5,
    ] {
        n.push(Number::from_f64(f).expect("finite"));
    }
    n
}

/// Tokens that are not JSON numbers but sit where numbers go.
const NUMBER_TOKENS: &[&str] = &[
    "NaN",
    "Infinity",
    "-Infinity",
    "1e999",
    "-1e999",
    "01",
    "-",
    "1.",
    ".5",
    "0x10",
    "1_000",
    "+1",
];

/// Inputs are kept below this size (a few are 4 MiB strings on purpose).
pub const MAX_INPUT: usize = 1 << 20;

/// Text appended after a value.
const TRAILERS: &[&[u8]] = &[
    b"{\"bogus\":1}",
    b" not json",
    b"\0",
    b"   \n\t",
    b",",
    b"}",
    b"]",
    b"\xff",
    b"{}",
    b"null",
];

/// Byte sequences that are not valid UTF-8.
const BAD_UTF8: &[&[u8]] = &[
    b"\xff",
    b"\xc0\x80",
    b"\xed\xa0\x80",
    b"\xf8\x88\x80\x80\x80",
    b"\xe2\x82",
    b"\x80",
];

/// What mutations draw from: the key vocabulary of docs/JSON.md and every
/// JSON text docs/JSON.md shows.
pub struct Mutator {
    pub keys: Vec<String>,
    pub doc_texts: Vec<Vec<u8>>,
    numbers: Vec<Number>,
}

impl Mutator {
    pub fn new(keys: Vec<String>, doc_texts: Vec<Vec<u8>>) -> Mutator {
        Mutator {
            keys,
            doc_texts,
            numbers: numbers(),
        }
    }

    /// One input for an export whose valid requests are `own`; `others`
    /// are every seed of every export.
    pub fn input(&self, rng: &mut Rng, own: &[Value], others: &[Value]) -> Vec<u8> {
        let roll = rng.below(100);
        if roll < 8 {
            return serde_json::to_vec(rng.pick(own)).unwrap();
        }
        if roll < 16 {
            let mut bytes = rng.pick(&self.doc_texts).clone();
            self.mutate_bytes(rng, &mut bytes, None);
            return bytes;
        }
        let mut value = match roll {
            16..=27 => self.random_value(rng, 3),
            28..=37 => rng.pick(others).clone(),
            _ => rng.pick(own).clone(),
        };
        for _ in 0..1 + rng.below(4) {
            self.mutate_value(rng, &mut value);
        }
        self.finish(rng, value)
    }

    /// Serializes `value`, then mutates its bytes sometimes.
    pub fn finish(&self, rng: &mut Rng, value: Value) -> Vec<u8> {
        let mut bytes = if rng.one_in(8) {
            serde_json::to_vec_pretty(&value).unwrap()
        } else {
            serde_json::to_vec(&value).unwrap()
        };
        if rng.one_in(3) {
            self.mutate_bytes(rng, &mut bytes, Some(&value));
        }
        bytes.truncate(4 * MAX_INPUT + 1024);
        bytes
    }

    /// A random JSON value at most `depth` containers deep.
    pub fn random_value(&self, rng: &mut Rng, depth: usize) -> Value {
        match rng.below(if depth == 0 { 5 } else { 7 }) {
            0 => Value::Null,
            1 => Value::Bool(rng.one_in(2)),
            2 => self.number(rng),
            3 => Value::String(self.string(rng)),
            4 => Value::String(rng.pick(STRINGS).to_string()),
            5 => Value::Array(
                (0..rng.below(4))
                    .map(|_| self.random_value(rng, depth - 1))
                    .collect(),
            ),
            _ => {
                let mut map = Map::new();
                for _ in 0..rng.below(5) {
                    map.insert(self.key(rng), self.random_value(rng, depth - 1));
                }
                Value::Object(map)
            }
        }
    }

    fn number(&self, rng: &mut Rng) -> Value {
        if rng.one_in(2) {
            Value::Number(rng.pick(&self.numbers).clone())
        } else {
            Value::Number(Number::from(rng.next_u64() as i64 >> rng.below(64)))
        }
    }

    fn key(&self, rng: &mut Rng) -> String {
        match rng.below(6) {
            0 => self.string(rng),
            1 => rng.pick(STRINGS).to_string(),
            _ => rng.pick(&self.keys).clone(),
        }
    }

    /// A random string: short printable, long, or arbitrary Unicode.
    fn string(&self, rng: &mut Rng) -> String {
        match rng.below(10) {
            0 => "x".repeat(1 << rng.below(17)),
            1 => (0..rng.below(16))
                .map(|_| char::from_u32(rng.below(0x11_0000) as u32).unwrap_or('\u{fffd}'))
                .collect(),
            2 if rng.one_in(500) => "y".repeat(1 << 22),
            _ => (0..rng.below(12))
                .map(|_| (b' ' + rng.below(95) as u8) as char)
                .collect(),
        }
    }

    /// Applies one structured mutation somewhere in `root`.
    pub fn mutate_value(&self, rng: &mut Rng, root: &mut Value) {
        let mut node = root;
        loop {
            let descend = rng.below(3) != 0;
            let has_children = match node {
                Value::Object(m) => !m.is_empty(),
                Value::Array(a) => !a.is_empty(),
                _ => false,
            };
            if !descend || !has_children {
                break;
            }
            node = match node {
                Value::Object(m) => {
                    let i = rng.below(m.len());
                    m.values_mut().nth(i).expect("in range")
                }
                Value::Array(a) => {
                    let i = rng.below(a.len());
                    &mut a[i]
                }
                _ => unreachable!(),
            };
        }
        self.mutate_node(rng, node);
    }

    fn mutate_node(&self, rng: &mut Rng, node: &mut Value) {
        match rng.below(12) {
            0 => *node = self.random_value(rng, 2),
            1 => *node = self.number(rng),
            2 => *node = Value::String(rng.pick(STRINGS).to_string()),
            3 => *node = Value::String(self.string(rng)),
            4 => *node = Value::Null,
            5 => {
                let depth = if rng.one_in(4) {
                    100 + rng.below(400)
                } else {
                    2 + rng.below(30)
                };
                for _ in 0..depth {
                    let inner = std::mem::take(node);
                    *node = if rng.one_in(2) {
                        Value::Array(vec![inner])
                    } else {
                        Value::Object(Map::from_iter([(self.key(rng), inner)]))
                    };
                }
            }
            _ => match node {
                Value::Object(map) => self.mutate_object(rng, map),
                Value::Array(items) => self.mutate_array(rng, items),
                _ => *node = self.random_value(rng, 2),
            },
        }
    }

    fn mutate_object(&self, rng: &mut Rng, map: &mut Map<String, Value>) {
        let some_key = |rng: &mut Rng, map: &Map<String, Value>| {
            (!map.is_empty()).then(|| map.keys().nth(rng.below(map.len())).unwrap().clone())
        };
        match rng.below(4) {
            0 => {
                if let Some(k) = some_key(rng, map) {
                    map.remove(&k);
                }
            }
            1 => {
                if let Some(k) = some_key(rng, map) {
                    let v = map.remove(&k).unwrap();
                    let new = match rng.below(4) {
                        0 => k.to_uppercase(),
                        1 => format!("{k}_"),
                        2 => k.chars().skip(1).collect(),
                        _ => self.key(rng),
                    };
                    map.insert(new, v);
                }
            }
            _ => {
                let v = if rng.one_in(2) {
                    self.random_value(rng, 2)
                } else {
                    Value::String(rng.pick(STRINGS).to_string())
                };
                map.insert(self.key(rng), v);
            }
        }
    }

    fn mutate_array(&self, rng: &mut Rng, items: &mut Vec<Value>) {
        match rng.below(4) {
            0 => items.push(self.random_value(rng, 2)),
            1 if !items.is_empty() => {
                items.remove(rng.below(items.len()));
            }
            2 if !items.is_empty() => {
                let copy = items[rng.below(items.len())].clone();
                let size = serde_json::to_vec(&copy).map_or(1, |v| v.len() + 1);
                let n = if rng.one_in(10) {
                    10_000
                } else {
                    1 + rng.below(50)
                };
                items.extend(std::iter::repeat_n(copy, n.min(MAX_INPUT / 2 / size)));
            }
            _ => items.clear(),
        }
    }

    /// Applies one or two byte-level mutations. `value` is what `bytes`
    /// encodes, when known (for duplicated keys).
    pub fn mutate_bytes(&self, rng: &mut Rng, bytes: &mut Vec<u8>, value: Option<&Value>) {
        for _ in 0..1 + rng.below(2) {
            match rng.below(9) {
                0 if !bytes.is_empty() => bytes.truncate(rng.below(bytes.len())),
                1 => {
                    let trailer: &[u8] = rng.pick::<&[u8]>(TRAILERS);
                    bytes.extend_from_slice(trailer);
                }
                2 => {
                    let at = rng.below(bytes.len() + 1);
                    let bad: &[u8] = rng.pick::<&[u8]>(BAD_UTF8);
                    bytes.splice(at..at, bad.iter().copied());
                }
                3 if !bytes.is_empty() => {
                    let at = rng.below(bytes.len());
                    bytes[at] ^= 1 << rng.below(8);
                }
                4 => {
                    if let Some(Value::Object(map)) = value {
                        if let Some((k, _)) = map.iter().nth(rng.below(map.len().max(1))) {
                            let dup = format!(
                                "{{{}:{},",
                                Value::String(k.clone()),
                                self.random_value(rng, 1)
                            );
                            if bytes.first() == Some(&b'{') {
                                bytes.splice(0..1, dup.into_bytes());
                            }
                        }
                    }
                }
                5 => {
                    let digits: Vec<usize> = (0..bytes.len())
                        .filter(|&i| bytes[i].is_ascii_digit())
                        .collect();
                    if !digits.is_empty() {
                        let at = *rng.pick(&digits);
                        let token = rng.pick(NUMBER_TOKENS).as_bytes();
                        bytes.splice(at..at + 1, token.iter().copied());
                    }
                }
                6 if rng.one_in(20) => {
                    let depth = 1 + rng.below(200_000);
                    let mut deep = vec![b'['; depth];
                    deep.extend(std::iter::repeat_n(b']', depth));
                    *bytes = deep;
                }
                7 if rng.one_in(10) => {
                    *bytes = (0..rng.below(64)).map(|_| rng.next_u64() as u8).collect();
                }
                _ => {
                    let at = rng.below(bytes.len() + 1);
                    let cut = (at + rng.below(8)).min(bytes.len());
                    bytes.drain(at..cut);
                }
            }
        }
    }
}
