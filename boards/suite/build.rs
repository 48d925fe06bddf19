//! Freeze the scenarios and the helper modules into the firmware: every
//! conformance scenario a board can run (`conformance/scenarios`, all but
//! those that need a host to stop the script), the board scenarios
//! (`boards/scenarios`) and the modules they may import
//! (`boards/modules`).
//!
//! Every script is compiled here, on the build machine, with vm-core's
//! compiler, and written to `$OUT_DIR` as a bytecode file (`.ebc`), so
//! that a firmware built with the `bytecode` feature needs no compiler;
//! with the `source` feature the source is included with `include_str!`
//! as well. A scenario's `Snn.toml` becomes a `Scenario` literal in
//! `$OUT_DIR/scenarios.rs`, the modules two `FrozenModule` tables in
//! `$OUT_DIR/modules.rs`.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// Keys a scenario file may have.
const KEYS: [&str; 10] = [
    "title",
    "exit_status",
    "stdout",
    "stderr",
    "max_exit_latency_ms",
    "max_peak_threads",
    "args",
    "repeat",
    "stop_after_line",
    "toggles",
];

fn main() {
    // `cfg(both_forms)`: the suite runs every scenario from source and
    // from bytecode and compares the two.
    println!("cargo::rustc-check-cfg=cfg(both_forms)");
    if std::env::var_os("CARGO_FEATURE_SOURCE").is_some()
        && std::env::var_os("CARGO_FEATURE_BYTECODE").is_some()
    {
        println!("cargo::rustc-cfg=both_forms");
    }
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets it"));
    let boards = manifest.parent().expect("boards/suite has a parent");
    let root = boards.parent().expect("boards has a parent");
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets it"));
    let dirs = [
        root.join("conformance").join("scenarios"),
        boards.join("scenarios"),
    ];
    let mut code = String::from("/// Every scenario frozen into this firmware, in order.\n");
    code.push_str("pub static SCENARIOS: &[Scenario] = &[\n");
    for dir in &dirs {
        println!("cargo:rerun-if-changed={}", dir.display());
        for toml_path in files(dir, "toml") {
            println!("cargo:rerun-if-changed={}", toml_path.display());
            let py = toml_path.with_extension("py");
            println!("cargo:rerun-if-changed={}", py.display());
            if let Some(entry) = scenario(&toml_path, &py, &out) {
                code.push_str(&entry);
            }
        }
    }
    code.push_str("];\n");
    std::fs::write(out.join("scenarios.rs"), code).expect("write scenarios.rs");

    let modules = boards.join("modules");
    println!("cargo:rerun-if-changed={}", modules.display());
    let mut source = String::new();
    let mut bytecode = String::new();
    for py in files(&modules, "py") {
        println!("cargo:rerun-if-changed={}", py.display());
        let name = stem(&py);
        let file = format!("{name}.py");
        let ebc = compile(&py, &file, &out);
        let _ = writeln!(
            source,
            "    FrozenModule {{ name: {name:?}, code: FrozenCode::Source {{ filename: {file:?}, text: include_str!({:?}) }} }},",
            py.display().to_string()
        );
        let _ = writeln!(
            bytecode,
            "    FrozenModule {{ name: {name:?}, code: FrozenCode::Bytecode(include_bytes!({:?})) }},",
            ebc.display().to_string()
        );
    }
    let modules = format!(
        "/// The helper modules, as source.\n#[cfg(feature = \"source\")]\npub static SOURCE_MODULES: &[FrozenModule] = &[\n{source}];\n\
         /// The helper modules, as bytecode.\n#[cfg(feature = \"bytecode\")]\npub static BYTECODE_MODULES: &[FrozenModule] = &[\n{bytecode}];\n"
    );
    std::fs::write(out.join("modules.rs"), modules).expect("write modules.rs");
}

/// Compile the script `py` as the file `file` (the name tracebacks show)
/// to `$OUT_DIR/<file>.ebc`, and return that path. A syntax error fails
/// the build.
fn compile(py: &Path, file: &str, out: &Path) -> PathBuf {
    let source =
        std::fs::read_to_string(py).unwrap_or_else(|e| panic!("cannot read {}: {e}", py.display()));
    let code = vm_core::compiler::compile_module(&source, file).unwrap_or_else(|e| {
        panic!(
            "{}",
            vm_core::interp::unwind::format_syntax_error(&e, &py.display().to_string(), &source)
        )
    });
    let path = out.join(format!("{file}.ebc"));
    std::fs::write(&path, vm_core::ebc::write(&code))
        .unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
    path
}

/// A file's name without its extension.
fn stem(path: &Path) -> String {
    match path.file_stem().and_then(|s| s.to_str()) {
        Some(s) => String::from(s),
        None => panic!("{}: bad file name", path.display()),
    }
}

/// The files of `dir` with extension `ext`, sorted by name.
fn files(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == ext))
        .collect();
    files.sort();
    files
}

/// A scenario file being read.
struct File<'a> {
    path: &'a Path,
    table: toml::Table,
}

impl File<'_> {
    fn fail(&self, what: &str) -> ! {
        panic!("{}: {what}", self.path.display())
    }

    fn string(&self, key: &str) -> String {
        match self.table.get(key) {
            None => String::new(),
            Some(v) => match v.as_str() {
                Some(s) => String::from(s),
                None => self.fail(&format!("`{key}` must be a string")),
            },
        }
    }

    fn number(&self, key: &str, default: Option<i64>) -> i64 {
        match (self.table.get(key), default) {
            (None, Some(d)) => d,
            (None, None) => self.fail(&format!("`{key}` is required")),
            (Some(v), _) => match v.as_integer() {
                Some(n) => n,
                None => self.fail(&format!("`{key}` must be an integer")),
            },
        }
    }

    /// The VM thread limit the scenario's command-line arguments ask for
    /// (`--max-threads N`, as the CLI takes it); other arguments have no
    /// firmware equivalent and are refused.
    fn max_threads(&self) -> String {
        let Some(args) = self.table.get("args") else {
            return String::from("None");
        };
        let Some(args) = args.as_array() else {
            self.fail("`args` must be an array")
        };
        let args: Vec<&str> = args.iter().filter_map(toml::Value::as_str).collect();
        match args.as_slice() {
            [] => String::from("None"),
            ["--max-threads", n] => match n.parse::<usize>() {
                Ok(n) => format!("Some({n})"),
                Err(_) => self.fail("`--max-threads` takes a number"),
            },
            _ => self.fail("boards understand only `args = [\"--max-threads\", \"N\"]`"),
        }
    }

    fn toggles(&self) -> String {
        let Some(t) = self.table.get("toggles") else {
            return String::from("None");
        };
        let pin = t.get("pin").and_then(toml::Value::as_integer);
        let count = t.get("count").and_then(toml::Value::as_integer);
        match (pin, count) {
            (Some(pin), Some(count)) => format!("Some(Toggles {{ pin: {pin}, count: {count} }})"),
            _ => self.fail("`toggles` needs `pin` and `count`"),
        }
    }
}

/// The `Scenario` literal for one scenario, or `None` for a scenario a
/// board cannot run on its own (a host stop request).
fn scenario(toml_path: &Path, py: &Path, out: &Path) -> Option<String> {
    let text = std::fs::read_to_string(toml_path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", toml_path.display()));
    let table: toml::Table = text
        .parse()
        .unwrap_or_else(|e| panic!("{}: {e}", toml_path.display()));
    let f = File {
        path: toml_path,
        table,
    };
    if let Some(key) = f.table.keys().find(|k| !KEYS.contains(&k.as_str())) {
        f.fail(&format!("unknown key `{key}`"));
    }
    if f.table.contains_key("stop_after_line") {
        return None;
    }
    let id = stem(toml_path);
    let file = format!("{id}.py");
    let ebc = compile(py, &file, out);
    let mut s = String::new();
    let _ = writeln!(s, "    Scenario {{");
    let _ = writeln!(s, "        id: {id:?},");
    let _ = writeln!(s, "        title: {:?},", f.string("title"));
    let _ = writeln!(s, "        file: {file:?},");
    let _ = writeln!(
        s,
        "        #[cfg(feature = \"source\")]\n        source: include_str!({:?}),",
        py.display().to_string()
    );
    let _ = writeln!(
        s,
        "        #[cfg(feature = \"bytecode\")]\n        bytecode: include_bytes!({:?}),",
        ebc.display().to_string()
    );
    let _ = writeln!(s, "        stdout: {:?},", f.string("stdout"));
    let _ = writeln!(s, "        stderr: {:?},", f.string("stderr"));
    let _ = writeln!(
        s,
        "        exit_status: {},",
        f.number("exit_status", Some(0))
    );
    let _ = writeln!(
        s,
        "        max_exit_latency_ms: {},",
        f.number("max_exit_latency_ms", None)
    );
    let _ = writeln!(
        s,
        "        max_peak_threads: {},",
        f.number("max_peak_threads", None)
    );
    let _ = writeln!(s, "        repeat: {},", f.number("repeat", Some(1)).max(1));
    let _ = writeln!(s, "        max_threads: {},", f.max_threads());
    let _ = writeln!(s, "        toggles: {},", f.toggles());
    let _ = writeln!(s, "    }},");
    Some(s)
}
