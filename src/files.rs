//! Reading the small files a configuration names (TOML profiles, PEM
//! certificates and keys) without trusting them to be small or regular.

use std::io::{Error, ErrorKind, Read};
use std::path::Path;

/// The largest configuration or PEM file read: 1 MiB.
pub(crate) const MAX_CONFIG_FILE_BYTES: u64 = 1 << 20;

/// Reads `path`, which must be a regular file of at most
/// [`MAX_CONFIG_FILE_BYTES`]; a device such as `/dev/zero` or a larger file
/// is an `InvalidData` error instead of a read without end.
pub fn read_config_file(path: impl AsRef<Path>) -> std::io::Result<Vec<u8>> {
    let file = std::fs::File::open(path)?;
    if !file.metadata()?.is_file() {
        return Err(Error::new(ErrorKind::InvalidData, "not a regular file"));
    }
    let mut bytes = Vec::new();
    file.take(MAX_CONFIG_FILE_BYTES + 1)
        .read_to_end(&mut bytes)?;
    if bytes.len() as u64 > MAX_CONFIG_FILE_BYTES {
        return Err(Error::new(
            ErrorKind::InvalidData,
            format!("larger than {MAX_CONFIG_FILE_BYTES} bytes"),
        ));
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn devices_and_directories_are_refused() {
        assert_eq!(
            read_config_file("/dev/zero").unwrap_err().kind(),
            ErrorKind::InvalidData
        );
        assert!(read_config_file("/").is_err());
        assert_eq!(
            read_config_file("/nonexistent/x.toml").unwrap_err().kind(),
            ErrorKind::NotFound
        );
    }
}
