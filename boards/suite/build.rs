//! Freeze the scenarios into the firmware: every conformance scenario a
//! board can run (`conformance/scenarios`, all but those that need a host
//! to stop the script) and the board scenarios (`boards/scenarios`). Each
//! `Snn.py` is included with `include_str!`; its `Snn.toml` becomes a
//! `Scenario` literal in `$OUT_DIR/scenarios.rs`.

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
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets it"));
    let boards = manifest.parent().expect("boards/suite has a parent");
    let root = boards.parent().expect("boards has a parent");
    let dirs = [
        root.join("conformance").join("scenarios"),
        boards.join("scenarios"),
    ];
    let mut code = String::from("/// Every scenario frozen into this firmware, in order.\n");
    code.push_str("pub static SCENARIOS: &[Scenario] = &[\n");
    for dir in &dirs {
        println!("cargo:rerun-if-changed={}", dir.display());
        for toml_path in scenario_files(dir) {
            println!("cargo:rerun-if-changed={}", toml_path.display());
            let py = toml_path.with_extension("py");
            println!("cargo:rerun-if-changed={}", py.display());
            if let Some(entry) = scenario(&toml_path, &py) {
                code.push_str(&entry);
            }
        }
    }
    code.push_str("];\n");
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets it"));
    std::fs::write(out.join("scenarios.rs"), code).expect("write scenarios.rs");
}

/// The `.toml` files of `dir`, sorted by name.
fn scenario_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
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
fn scenario(toml_path: &Path, py: &Path) -> Option<String> {
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
    let Some(id) = toml_path.file_stem().and_then(|s| s.to_str()) else {
        f.fail("bad file name")
    };
    let mut s = String::new();
    let _ = writeln!(s, "    Scenario {{");
    let _ = writeln!(s, "        id: {id:?},");
    let _ = writeln!(s, "        title: {:?},", f.string("title"));
    let _ = writeln!(s, "        file: {:?},", format!("{id}.py"));
    let _ = writeln!(
        s,
        "        source: include_str!({:?}),",
        py.display().to_string()
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
