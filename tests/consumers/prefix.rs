//! Scratch directories, `scripts/install.sh` and pkg-config queries against
//! the installed prefix.

use crate::common::{repo_root, unique_id, without_test_cargo_env};
use std::{
    path::{Path, PathBuf},
    process::Command,
};

/// A fresh temporary directory, removed with everything in it on drop
/// (also when the test panics).
pub struct Scratch {
    path: PathBuf,
}

impl Scratch {
    /// Creates `<tmp>/<name>-<unique suffix>`.
    pub fn new(name: &str) -> Self {
        let path = std::env::temp_dir().join(unique_id(name));
        std::fs::create_dir_all(&path).expect("create scratch directory");
        Scratch { path }
    }

    /// A path inside the directory.
    pub fn join(&self, relative: &str) -> PathBuf {
        self.path.join(relative)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.path);
    }
}

/// Runs `scripts/install.sh <scratch>/prefix` (which builds the release
/// library when needed) and returns the prefix.
pub fn install(scratch: &Scratch) -> PathBuf {
    let prefix = scratch.join("prefix");
    let output = without_test_cargo_env(&mut Command::new(repo_root().join("scripts/install.sh")))
        .arg(&prefix)
        .env("CARGO", env!("CARGO"))
        .output()
        .expect("run scripts/install.sh");
    assert!(
        output.status.success(),
        "install.sh failed ({:?}):\n{}\n{}",
        output.status,
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    prefix
}

/// `pkg-config ARGS` with the prefix's pkgconfig directory first on the
/// search path; its trimmed stdout.
pub fn pkg_config(prefix: &Path, args: &[&str]) -> String {
    let output = Command::new("pkg-config")
        .args(args)
        .env("PKG_CONFIG_PATH", prefix.join("lib/pkgconfig"))
        .output()
        .expect("run pkg-config");
    assert!(
        output.status.success(),
        "pkg-config {args:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout)
        .expect("pkg-config prints UTF-8")
        .trim()
        .to_owned()
}

/// `pkg-config ARGS temporal_capi`, split into arguments.
pub fn pkg_config_flags(prefix: &Path, args: &[&str]) -> Vec<String> {
    let mut all = args.to_vec();
    all.push("temporal_capi");
    pkg_config(prefix, &all)
        .split_whitespace()
        .map(str::to_owned)
        .collect()
}
