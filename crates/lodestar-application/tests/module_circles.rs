//! No module imports a module that imports it back, in any crate of the workspace.
//!
//! The check reads every crate's `src/` and follows the paths its non-test code names
//! (`use crate::…`, `use super::…`, `crate::x::f()`), through the re-exports of a parent module
//! (`pub use items::CanvasItem` in `canvas/mod.rs`), to the module that defines what is named.
//! A parent always contains its children, so edges between a module and its own ancestors are
//! structure, not dependencies; every other edge counts, and a circle among them fails here.

// A test that cannot read the sources must fail loudly.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

type ModulePath = Vec<String>;

struct Module {
    /// The code before the file's `#[cfg(test)]` block: tests may reach anywhere.
    code: String,
    /// Names this module re-exports with `pub use`, and the path they come from.
    reexports: BTreeMap<String, Vec<String>>,
}

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn crate_sources() -> Vec<PathBuf> {
    let root = workspace_root();
    let mut dirs = vec![root.join("src-tauri/src")];
    if let Ok(entries) = std::fs::read_dir(root.join("crates")) {
        for entry in entries.flatten() {
            dirs.push(entry.path().join("src"));
        }
    }
    dirs.into_iter().filter(|d| d.is_dir()).collect()
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// `canvas/items.rs` → `["canvas", "items"]`; `canvas/mod.rs` → `["canvas"]`; `lib.rs` → `[]`.
fn module_of(src: &Path, file: &Path) -> ModulePath {
    let relative = file.strip_prefix(src).unwrap().with_extension("");
    let mut parts: ModulePath = relative
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    if matches!(
        parts.last().map(String::as_str),
        Some("mod" | "lib" | "main")
    ) {
        parts.pop();
    }
    parts
}

/// Expands `a::{b, c::{d, e as f}}` into `a::b`, `a::c::d`, `a::c::e`.
fn flatten(tree: &str) -> Vec<String> {
    let tree = tree.trim();
    let Some(open) = tree.find('{') else {
        let path = tree.split(" as ").next().unwrap_or(tree).trim();
        return vec![path.to_string()];
    };
    let prefix = tree[..open].trim_end_matches("::");
    let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
    let mut parts = Vec::new();
    let (mut depth, mut start) = (0, 0);
    for (i, c) in inner.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&inner[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&inner[start..]);
    parts
        .into_iter()
        .filter(|p| !p.trim().is_empty())
        .flat_map(flatten)
        .map(|p| {
            if prefix.is_empty() {
                p
            } else if p == "self" {
                prefix.to_string()
            } else {
                format!("{prefix}::{p}")
            }
        })
        .collect()
}

/// Every `use` tree of `code` (with its `pub` marker) and every inline `crate::`/`super::` path.
fn named_paths(code: &str) -> (Vec<(bool, String)>, Vec<String>) {
    let mut uses = Vec::new();
    let mut rest = code;
    while let Some(at) = rest.find("use ") {
        let before = &rest[..at];
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let head = before[line_start..].trim();
        let statement_start = head.is_empty() || head == "pub" || head.starts_with("pub(");
        let after = &rest[at + 4..];
        let end = after.find(';').unwrap_or(after.len());
        if statement_start {
            for path in flatten(&after[..end]) {
                uses.push((head.starts_with("pub"), path));
            }
        }
        rest = &after[end.min(after.len())..];
    }
    let mut inline = Vec::new();
    for keyword in ["crate::", "super::"] {
        let mut rest = code;
        while let Some(at) = rest.find(keyword) {
            let tail = &rest[at..];
            let end = tail
                .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
                .unwrap_or(tail.len());
            inline.push(tail[..end].trim_end_matches(':').to_string());
            rest = &tail[end..];
        }
    }
    (uses, inline)
}

fn resolve_base(current: &ModulePath, path: &str) -> (ModulePath, Vec<String>) {
    let mut segments: Vec<String> = path.split("::").map(str::to_string).collect();
    let mut base = current.clone();
    match segments.first().map(String::as_str) {
        Some("crate") => {
            base.clear();
            segments.remove(0);
        }
        Some("super") | Some("self") => {
            while let Some(first) = segments.first() {
                match first.as_str() {
                    "super" => {
                        base.pop();
                    }
                    "self" => {}
                    _ => break,
                }
                segments.remove(0);
            }
        }
        _ => {}
    }
    (base, segments)
}

/// The module that defines what `path` names, seen from `current`.
fn resolve(
    modules: &BTreeMap<ModulePath, Module>,
    current: &ModulePath,
    path: &str,
    depth: usize,
) -> Option<ModulePath> {
    let (mut at, segments) = resolve_base(current, path);
    if !modules.contains_key(&at) {
        return None;
    }
    for segment in &segments {
        let mut child = at.clone();
        child.push(segment.clone());
        if modules.contains_key(&child) {
            at = child;
            continue;
        }
        // Not a module: an item of `at`, perhaps re-exported from a module below it.
        if let Some(source) = modules.get(&at).and_then(|m| m.reexports.get(segment)) {
            if depth < 8 {
                return resolve(modules, &at, &source.join("::"), depth + 1).or(Some(at));
            }
        }
        return Some(at);
    }
    Some(at)
}

fn is_ancestor(a: &ModulePath, b: &ModulePath) -> bool {
    a.len() <= b.len() && b[..a.len()] == a[..]
}

fn circles_in(src: &Path) -> Vec<String> {
    let mut files = Vec::new();
    rust_files(src, &mut files);
    let mut modules = BTreeMap::new();
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        let code = match text.find("#[cfg(test)]") {
            Some(at) => &text[..at],
            None => &text[..],
        };
        // Comments name paths too (doc links); only code counts.
        let code: String = code
            .lines()
            .map(|line| line.split("//").next().unwrap_or(""))
            .collect::<Vec<_>>()
            .join("\n");
        let (uses, _) = named_paths(&code);
        let module = module_of(src, file);
        let mut reexports = BTreeMap::new();
        for (_, path) in uses.iter().filter(|(public, _)| *public) {
            if let Some(name) = path.rsplit("::").next() {
                reexports.insert(
                    name.to_string(),
                    path.split("::").map(str::to_string).collect(),
                );
            }
        }
        modules.insert(module, Module { code, reexports });
    }
    let mut edges: BTreeMap<ModulePath, BTreeSet<ModulePath>> = BTreeMap::new();
    for (name, module) in &modules {
        let (uses, inline) = named_paths(&module.code);
        let named = uses.into_iter().map(|(_, p)| p).chain(inline);
        for path in named {
            if let Some(target) = resolve(&modules, name, &path, 0) {
                if !is_ancestor(&target, name) && !is_ancestor(name, &target) {
                    edges.entry(name.clone()).or_default().insert(target);
                }
            }
        }
    }
    let mut circles = Vec::new();
    for (from, targets) in &edges {
        for to in targets {
            if reaches(&edges, to, from) {
                circles.push(format!("{} ↔ {}", from.join("::"), to.join("::")));
            }
        }
    }
    circles
}

fn reaches(
    edges: &BTreeMap<ModulePath, BTreeSet<ModulePath>>,
    from: &ModulePath,
    to: &ModulePath,
) -> bool {
    let mut seen = BTreeSet::new();
    let mut stack = vec![from.clone()];
    while let Some(at) = stack.pop() {
        if &at == to {
            return true;
        }
        if seen.insert(at.clone()) {
            stack.extend(edges.get(&at).into_iter().flatten().cloned());
        }
    }
    false
}

#[test]
fn no_module_imports_a_module_that_imports_it_back() {
    let mut found = Vec::new();
    for src in crate_sources() {
        for circle in circles_in(&src) {
            found.push(format!("{}: {circle}", src.display()));
        }
    }
    assert!(found.is_empty(), "module circles:\n{}", found.join("\n"));
}

#[test]
fn the_check_sees_a_circle_through_a_parent_s_re_exports() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path();
    std::fs::create_dir_all(src.join("canvas")).unwrap();
    std::fs::write(src.join("lib.rs"), "pub mod canvas;\n").unwrap();
    std::fs::write(
        src.join("canvas/mod.rs"),
        "mod items;\nmod tags;\npub use items::Item;\npub use tags::{Tags, balance};\n",
    )
    .unwrap();
    std::fs::write(
        src.join("canvas/items.rs"),
        "use super::Tags;\npub struct Item;\n",
    )
    .unwrap();
    std::fs::write(
        src.join("canvas/tags.rs"),
        "pub struct Tags;\npub fn balance(_: &crate::canvas::Item) {}\n",
    )
    .unwrap();
    assert_eq!(circles_in(src).len(), 2, "items → tags and tags → items");
    std::fs::write(src.join("canvas/tags.rs"), "pub struct Tags;\n").unwrap();
    assert!(circles_in(src).is_empty());
}
