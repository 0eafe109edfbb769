//! Compiles the text catalogue (`locales/<language>/<area>.ftl`, Fluent syntax) into Rust, so no parser ships
//! to the browser: plain messages become the `Key` enum and one lookup table per language (a text is a
//! `&'static str`); messages with parameters (`{ $count }`, plural selectors) become one function each in
//! `msg`, taking the parameters as a struct with named fields (`msg::throttled(locale, msg::Throttled {
//! minutes })`), so a misspelt, missing or swapped parameter does not compile.
//!
//! The files are read with `fluent-syntax`, the Fluent project's own parser. The build fails, naming the key
//! and the file, when a message is missing in a language, defined twice, used by no code in `app/src` or `server/src`, or has
//! other parameters in one language than in another — so the catalogue and the code cannot drift apart.

use fluent_syntax::ast::{Entry, Expression, InlineExpression, PatternElement, VariantKey};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

const LANGUAGES: [&str; 2] = ["de", "en"];

/// A piece of a message: text, a parameter, or a choice by a number's plural category (or exact value).
#[derive(Debug, Clone)]
enum Piece {
    Text(String),
    Var(String),
    Select { var: String, variants: Vec<(String, Vec<Piece>)>, default: usize },
}

/// One message as read: its pieces and where it stands.
struct Message {
    pieces: Vec<Piece>,
    file: PathBuf,
}

impl Message {
    /// The text of a message without parameters.
    fn plain(&self) -> Option<String> {
        self.pieces
            .iter()
            .map(|piece| match piece {
                Piece::Text(text) => Some(text.as_str()),
                _ => None,
            })
            .collect()
    }

    /// The parameters, in order of first use: `true` for numbers (they choose a variant).
    fn params(&self) -> Vec<(String, bool)> {
        fn walk(pieces: &[Piece], params: &mut Vec<(String, bool)>) {
            for piece in pieces {
                match piece {
                    Piece::Text(_) => {}
                    Piece::Var(var) => {
                        if !params.iter().any(|(name, _)| name == var) {
                            params.push((var.clone(), false));
                        }
                    }
                    Piece::Select { var, variants, .. } => {
                        match params.iter_mut().find(|(name, _)| name == var) {
                            Some(param) => param.1 = true,
                            None => params.push((var.clone(), true)),
                        }
                        for (_, pieces) in variants {
                            walk(pieces, params);
                        }
                    }
                }
            }
        }
        let mut params = Vec::new();
        walk(&self.pieces, &mut params);
        params
    }
}

fn pieces_of(elements: Vec<PatternElement<&str>>, id: &str, file: &Path, problems: &mut Vec<String>) -> Vec<Piece> {
    let mut pieces = Vec::new();
    for element in elements {
        match element {
            PatternElement::TextElement { value } => pieces.push(Piece::Text(value.to_owned())),
            PatternElement::Placeable { expression } => match expression {
                Expression::Inline(InlineExpression::StringLiteral { value }) => {
                    pieces.push(Piece::Text(value.to_owned()))
                }
                Expression::Inline(InlineExpression::NumberLiteral { value }) => {
                    pieces.push(Piece::Text(value.to_owned()))
                }
                Expression::Inline(InlineExpression::VariableReference { id: var }) => {
                    pieces.push(Piece::Var(var.name.replace('-', "_")))
                }
                Expression::Select { selector: InlineExpression::VariableReference { id: var }, variants } => {
                    let default = variants.iter().position(|v| v.default).unwrap_or(0);
                    let variants = variants
                        .into_iter()
                        .map(|variant| {
                            let key = match variant.key {
                                VariantKey::Identifier { name } => name.to_owned(),
                                VariantKey::NumberLiteral { value } => value.to_owned(),
                            };
                            (key, pieces_of(variant.value.elements, id, file, problems))
                        })
                        .collect();
                    pieces.push(Piece::Select { var: var.name.replace('-', "_"), variants, default });
                }
                _ => problems.push(format!(
                    "{}: `{id}` uses a placeable we do not support (parameters and plural selectors are)",
                    file.display()
                )),
            },
        }
    }
    pieces
}

fn camel(id: &str) -> String {
    id.split('-').map(|word| word[..1].to_uppercase() + &word[1..]).collect()
}

fn read_language(dir: &Path, problems: &mut Vec<String>) -> (Vec<String>, BTreeMap<String, Message>) {
    let mut order = Vec::new();
    let mut messages = BTreeMap::new();
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "ftl"))
        .collect();
    files.sort();
    for file in files {
        let source = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let resource = match fluent_syntax::parser::parse(source.as_str()) {
            Ok(resource) => resource,
            Err((_, errors)) => {
                for error in errors {
                    problems.push(format!("{}: {error:?}", file.display()));
                }
                continue;
            }
        };
        for entry in resource.body {
            let message = match entry {
                Entry::Message(message) => message,
                Entry::Junk { content } => {
                    problems.push(format!("{}: cannot read `{}`", file.display(), content.trim()));
                    continue;
                }
                _ => continue,
            };
            let id = message.id.name.to_owned();
            let Some(pattern) = message.value else {
                problems.push(format!("{}: `{id}` has no text", file.display()));
                continue;
            };
            let pieces = pieces_of(pattern.elements, &id, &file, problems);
            if let Some(earlier) = messages.get(&id) {
                let earlier: &Message = earlier;
                problems.push(format!(
                    "{}: `{id}` is defined again (first in {})",
                    file.display(),
                    earlier.file.display()
                ));
                continue;
            }
            order.push(id.clone());
            messages.insert(id, Message { pieces, file: file.clone() });
        }
    }
    (order, messages)
}

/// Every `Key::Name` and `msg::name` the code mentions.
fn used_keys(dir: &Path, used: &mut BTreeSet<String>) {
    for entry in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())).flatten() {
        let path = entry.path();
        if path.is_dir() {
            used_keys(&path, used);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            let source = std::fs::read_to_string(&path).unwrap_or_default();
            for prefix in ["Key::", "msg::"] {
                for (index, _) in source.match_indices(prefix) {
                    let name: String = source[index + prefix.len()..]
                        .chars()
                        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                        .collect();
                    used.insert(format!("{prefix}{name}"));
                }
            }
        }
    }
}

fn snake(id: &str) -> String {
    id.replace('-', "_")
}

/// The Rust statements that append `pieces` to `out`.
fn render(pieces: &[Piece], code: &mut String, indent: usize) {
    let pad = " ".repeat(indent);
    for piece in pieces {
        match piece {
            Piece::Text(text) => {
                let _ = writeln!(code, "{pad}out.push_str({text:?});");
            }
            Piece::Var(var) => {
                let _ = writeln!(code, "{pad}out.push_str(&{var}.to_string());");
            }
            Piece::Select { var, variants, default } => {
                let mut first = true;
                for (index, (key, pieces)) in variants.iter().enumerate() {
                    if index == *default {
                        continue;
                    }
                    let test = match key.parse::<i64>() {
                        Ok(number) => format!("{var} == {number}"),
                        Err(_) => format!("plural_category({var}) == {key:?}"),
                    };
                    let _ = writeln!(code, "{pad}{}if {test} {{", if first { "" } else { "} else " });
                    render(pieces, code, indent + 4);
                    first = false;
                }
                if first {
                    let _ = writeln!(code, "{pad}{{");
                } else {
                    let _ = writeln!(code, "{pad}}} else {{");
                }
                render(&variants[*default].1, code, indent + 4);
                let _ = writeln!(code, "{pad}}}");
            }
        }
    }
}

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("manifest dir"));
    println!("cargo::rerun-if-changed=locales");
    println!("cargo::rerun-if-changed=src");
    // The server uses the catalogue too (the API's error messages).
    println!("cargo::rerun-if-changed=../server/src");
    let mut problems = Vec::new();
    let mut languages = Vec::new();
    for language in LANGUAGES {
        languages.push(read_language(&root.join("locales").join(language), &mut problems));
    }
    let (order, reference) = &languages[0];
    for (language, (_, messages)) in LANGUAGES.iter().zip(&languages) {
        for (id, message) in reference {
            let Some(translated) = messages.get(id) else {
                let expected = message.file.file_name().map(|f| f.to_string_lossy().into_owned()).unwrap_or_default();
                problems.push(format!("`{id}` is missing in locales/{language}/{expected}"));
                continue;
            };
            let (mut want, mut have) = (message.params(), translated.params());
            want.sort();
            have.sort();
            if want != have {
                problems.push(format!(
                    "{}: `{id}` takes {have:?}, but the German text takes {want:?}",
                    translated.file.display()
                ));
            }
        }
        for (id, message) in messages {
            if !reference.contains_key(id) {
                problems.push(format!("{}: `{id}` is not in the German catalogue", message.file.display()));
            }
        }
    }
    let (plain, with_params): (Vec<&String>, Vec<&String>) =
        order.iter().partition(|id| reference[*id].params().is_empty());
    let mut used = BTreeSet::new();
    used_keys(&root.join("src"), &mut used);
    let server = root.join("../server/src");
    if server.is_dir() {
        used_keys(&server, &mut used);
    }
    for id in &plain {
        if !used.contains(&format!("Key::{}", camel(id))) {
            problems.push(format!("{}: `{id}` (Key::{}) is used nowhere", reference[*id].file.display(), camel(id)));
        }
    }
    for id in &with_params {
        if !used.contains(&format!("msg::{}", snake(id))) {
            problems.push(format!("{}: `{id}` (msg::{}) is used nowhere", reference[*id].file.display(), snake(id)));
        }
    }
    if !problems.is_empty() {
        for problem in &problems {
            println!("cargo::error=text catalogue: {problem}");
        }
        return;
    }

    let mut code = String::new();
    code.push_str("/// A message of the catalogue (`locales/*/*.ftl`), named like its Fluent id in CamelCase.\n");
    code.push_str("#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]\npub enum Key {\n");
    for id in &plain {
        let _ = writeln!(code, "    {},", camel(id));
    }
    code.push_str("}\n\nimpl Key {\n    /// Every key, in catalogue order.\n");
    let _ = writeln!(code, "    pub const ALL: [Key; {}] = [", plain.len());
    for id in &plain {
        let _ = writeln!(code, "        Key::{},", camel(id));
    }
    code.push_str("    ];\n\n    /// The message's id in the catalogue files.\n    pub fn id(self) -> &'static str {\n        match self {\n");
    for id in &plain {
        let _ = writeln!(code, "            Key::{} => {id:?},", camel(id));
    }
    code.push_str("        }\n    }\n}\n");
    for (language, (_, messages)) in LANGUAGES.iter().zip(&languages) {
        // In the browser the texts come from `texts-<language>.json` (see `i18n::loaded`), not from the wasm.
        let _ = writeln!(
            code,
            "\n/// The texts in `locales/{language}/`.\n#[cfg(not(feature = \"hydrate\"))]\nfn text_{language}(key: Key) -> &'static str {{\n    match key {{"
        );
        for id in &plain {
            let text = messages[*id].plain().unwrap_or_default();
            let _ = writeln!(code, "        Key::{} => {text:?},", camel(id));
        }
        code.push_str("    }\n}\n");
    }
    code.push_str(
        "\n/// The messages with parameters, one function each: the language, then the parameters.\npub mod msg {\n",
    );
    code.push_str("    #![allow(clippy::all)]\n    use super::plural_category;\n    use model::Locale;\n");
    for id in &with_params {
        let params = reference[*id].params();
        let texts = params.iter().any(|(_, number)| !number);
        let lifetime = if texts { "<'a>" } else { "" };
        let file = reference[*id].file.file_name().map(|f| f.to_string_lossy().into_owned()).unwrap_or_default();
        let _ = writeln!(code, "\n    /// The parameters of `{id}` (`{file}`).\n    #[derive(Debug, Clone, Copy)]");
        let _ = writeln!(code, "    pub struct {}{lifetime} {{", camel(id));
        for (name, number) in &params {
            let _ = writeln!(code, "        pub {name}: {},", if *number { "i64" } else { "&'a str" });
        }
        code.push_str("    }\n");
        let _ = writeln!(code, "\n    /// `{id}` in `{file}`.");
        let _ = writeln!(
            code,
            "    pub fn {}(locale: Locale, args: {}{}) -> String {{",
            snake(id),
            camel(id),
            if texts { "<'_>" } else { "" }
        );
        let names: Vec<&str> = params.iter().map(|(name, _)| name.as_str()).collect();
        let _ = writeln!(code, "        let {} {{ {} }} = args;", camel(id), names.join(", "));
        code.push_str("        let mut out = String::new();\n        match locale {\n");
        for (language, (_, messages)) in LANGUAGES.iter().zip(&languages) {
            let variant = camel(language);
            let _ = writeln!(code, "            Locale::{variant} => {{");
            render(&messages[*id].pieces, &mut code, 16);
            code.push_str("            }\n");
        }
        code.push_str("        }\n        out\n    }\n");
    }
    code.push_str("}\n");
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").expect("out dir"));
    let out = out_dir.join("catalogue.rs");
    std::fs::write(&out, code).unwrap_or_else(|e| panic!("{}: {e}", out.display()));
    // The plain texts of each language as a JSON array in `Key::ALL` order, for the browser: `scripts/build-site`
    // puts them beside the bundle, and the page loads only its own language.
    for (language, (_, messages)) in LANGUAGES.iter().zip(&languages) {
        let texts: Vec<String> = plain.iter().map(|id| messages[*id].plain().unwrap_or_default()).collect();
        let json = serde_json::to_string(&texts).expect("texts as JSON");
        let path = out_dir.join(format!("texts-{language}.json"));
        std::fs::write(&path, json).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    }
}
