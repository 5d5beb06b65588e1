//! Compiling the examples (and other consumer programs) against an installed
//! prefix: gcc/g++ with pkg-config flags, or CMake with find_package; and
//! reading what a built binary links to.

use crate::{
    common::repo_root,
    prefix::{pkg_config, pkg_config_flags},
};
use std::{
    path::{Path, PathBuf},
    process::Command,
};

/// The language of an example in examples/<dir>/.
#[derive(Clone, Copy, Debug)]
pub enum Lang {
    C,
    Cpp,
}

impl Lang {
    /// The name the example puts in its Echo argument (`"from"`).
    pub fn name(self) -> &'static str {
        match self {
            Lang::C => "C",
            Lang::Cpp => "C++",
        }
    }

    /// examples/c/main.c or examples/cpp/main.cpp.
    pub fn example_source(self) -> PathBuf {
        match self {
            Lang::C => repo_root().join("examples/c/main.c"),
            Lang::Cpp => repo_root().join("examples/cpp/main.cpp"),
        }
    }

    fn example_dir(self) -> PathBuf {
        self.example_source().parent().unwrap().to_owned()
    }

    fn compiler(self) -> &'static str {
        match self {
            Lang::C => "gcc",
            Lang::Cpp => "g++",
        }
    }

    fn standard(self) -> &'static str {
        match self {
            Lang::C => "-std=c11",
            Lang::Cpp => "-std=c++17",
        }
    }

    fn cmake_flags_variable(self) -> &'static str {
        match self {
            Lang::C => "CMAKE_C_FLAGS",
            Lang::Cpp => "CMAKE_CXX_FLAGS",
        }
    }

    fn executable(self) -> &'static str {
        match self {
            Lang::C => "example_c",
            Lang::Cpp => "example_cpp",
        }
    }
}

/// The warnings every consumer build turns into errors.
const STRICT: [&str; 4] = ["-Wall", "-Wextra", "-Werror", "-pedantic"];

/// Runs a build command and asserts it succeeded, showing its output if not.
fn run_build(command: &mut Command) {
    let output = command.output().expect("start the build command");
    assert!(
        output.status.success(),
        "{command:?} failed:\n{}\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}

/// Compiles `sources` into `exe` the way docs/c-and-cpp.md shows: strict
/// warnings, `extra` flags, then `pkg-config --cflags --libs temporal_capi`
/// and an RPATH to the installed library directory.
pub fn compile_with_pkg_config(
    lang: Lang,
    prefix: &Path,
    sources: &[PathBuf],
    extra: &[&str],
    exe: &Path,
) {
    let libdir = pkg_config(prefix, &["--variable=libdir", "temporal_capi"]);
    run_build(
        Command::new(lang.compiler())
            .arg(lang.standard())
            .args(STRICT)
            .args(extra)
            .args(sources)
            .args(pkg_config_flags(prefix, &["--cflags", "--libs"]))
            .arg("-pthread")
            .arg(format!("-Wl,-rpath,{libdir}"))
            .arg("-o")
            .arg(exe),
    );
}

/// Compiles the C example into `exe` against the static archive:
/// the archive itself plus the system libraries `pkg-config --static`
/// lists (Libs.private).
pub fn compile_c_with_static_archive(prefix: &Path, exe: &Path) {
    let libdir = pkg_config(prefix, &["--variable=libdir", "temporal_capi"]);
    let system_libs: Vec<String> = pkg_config_flags(prefix, &["--static", "--libs-only-l"])
        .into_iter()
        .filter(|flag| flag != "-ltemporal_capi")
        .collect();
    run_build(
        Command::new("gcc")
            .arg(Lang::C.standard())
            .args(STRICT)
            .arg(Lang::C.example_source())
            .args(pkg_config_flags(prefix, &["--cflags"]))
            .arg(Path::new(&libdir).join("libtemporal_capi.a"))
            .args(system_libs)
            .arg("-pthread")
            .arg("-o")
            .arg(exe),
    );
}

/// Configures and builds examples/<lang> with CMake in `build_dir`
/// (`-DCMAKE_PREFIX_PATH=prefix`, strict warnings, `definitions`); returns
/// the executable.
pub fn cmake_build(lang: Lang, prefix: &Path, build_dir: &Path, definitions: &[&str]) -> PathBuf {
    run_build(
        Command::new("cmake")
            .arg("-S")
            .arg(lang.example_dir())
            .arg("-B")
            .arg(build_dir)
            .arg(format!("-DCMAKE_PREFIX_PATH={}", prefix.display()))
            .arg(format!(
                "-D{}={}",
                lang.cmake_flags_variable(),
                STRICT.join(" ")
            ))
            .args(definitions),
    );
    run_build(Command::new("cmake").arg("--build").arg(build_dir));
    build_dir.join(lang.executable())
}

/// What `readelf <flags> <binary>` prints.
fn readelf(flags: &[&str], binary: &Path) -> String {
    let output = Command::new("readelf")
        .args(flags)
        .arg(binary)
        .output()
        .expect("run readelf");
    assert!(
        output.status.success(),
        "readelf {flags:?} {}",
        binary.display()
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// The section names of an ELF file (`readelf -S`).
pub fn elf_sections(binary: &Path) -> std::collections::BTreeSet<String> {
    readelf(&["-S", "-W"], binary)
        .split_whitespace()
        .filter(|word| word.starts_with('.'))
        .map(str::to_owned)
        .collect()
}

/// The NEEDED entries of an ELF file's dynamic section (`readelf -d`).
pub fn needed_libraries(binary: &Path) -> Vec<String> {
    readelf(&["-d"], binary)
        .lines()
        .filter(|line| line.contains("(NEEDED)"))
        .filter_map(|line| Some(line.split_once('[')?.1.trim_end_matches(']').to_owned()))
        .collect()
}

/// The SONAME of a shared library (`readelf -d`).
pub fn soname(library: &Path) -> String {
    readelf(&["-d"], library)
        .lines()
        .filter(|line| line.contains("(SONAME)"))
        .find_map(|line| Some(line.split_once('[')?.1.trim_end_matches(']').to_owned()))
        .unwrap_or_else(|| panic!("{} has no SONAME", library.display()))
}

/// Asserts that `exe` records the library by its SONAME
/// (`libtemporal_capi.so.<TC_ABI_VERSION>`) and that the dynamic loader
/// resolves it to the installed copy in `prefix`.
pub fn assert_uses_installed_library(exe: &Path, prefix: &Path) {
    let name = format!(
        "libtemporal_capi.so.{}",
        temporal_capi::ffi::version::TC_ABI_VERSION
    );
    let needed = needed_libraries(exe);
    assert!(
        needed.contains(&name),
        "{} should need {name}: {needed:?}",
        exe.display()
    );
    let output = Command::new("ldd")
        .arg(exe)
        .env_remove("LD_LIBRARY_PATH") // as crate::run::run does
        .output()
        .expect("run ldd");
    let resolved = String::from_utf8_lossy(&output.stdout);
    let loaded = resolved
        .lines()
        .find_map(|line| line.trim().strip_prefix(&format!("{name} => ")))
        .and_then(|rest| rest.split(" (").next())
        .unwrap_or_else(|| panic!("ldd does not resolve {name}:\n{resolved}"));
    let installed = prefix.join("lib").join(&name);
    assert_eq!(
        std::fs::canonicalize(loaded).expect("the loaded library exists"),
        std::fs::canonicalize(&installed).expect("the installed library exists"),
        "{name} should resolve to {}:\n{resolved}",
        installed.display()
    );
}
