//! Checks on the built WASMs' specs (`artifacts/*.wasm`, built by
//! `./scripts/build.sh`): doc-comment sections and error-code ranges.
use callora_types::{
    errors::{ADMIN_OFFSET, RANGES, RANGE_LEN},
    CONTRACTS,
};

use crate::{
    docs,
    model::{self, Function, Interface},
};

fn built(contract: &str) -> Interface {
    let path = format!(
        "{}/../../artifacts/{contract}.wasm",
        env!("CARGO_MANIFEST_DIR")
    );
    let wasm = std::fs::read(&path)
        .unwrap_or_else(|e| panic!("{path}: {e} (run ./scripts/build.sh first)"));
    model::read(&wasm).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn every_entry_point_documents_its_authorization() {
    let mut failures = Vec::new();
    let mut checked = 0;
    for c in CONTRACTS {
        for f in &built(c).functions {
            checked += 1;
            if let Err(e) = docs::check_function_doc(c, f) {
                failures.push(e);
            }
        }
    }
    assert!(checked > 60, "only {checked} functions in the specs");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_error_link_names_a_case_of_the_contracts_enum() {
    for c in CONTRACTS {
        let iface = built(c);
        let block = docs::entry_points_md(c, &iface).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            block.matches("\n| `").count(),
            iface.functions.len(),
            "{c}: one row per function"
        );
    }
}

#[test]
fn error_enums_lie_in_their_disjoint_documented_ranges() {
    let named: Vec<&str> = RANGES.iter().map(|(c, _)| *c).collect();
    assert_eq!(named, CONTRACTS, "one range per deployable contract");
    for (i, (a, base_a)) in RANGES.iter().enumerate() {
        for (b, base_b) in &RANGES[i + 1..] {
            assert!(
                base_a + RANGE_LEN <= *base_b || base_b + RANGE_LEN <= *base_a,
                "the ranges of {a} ({base_a}..) and {b} ({base_b}..) overlap"
            );
        }
    }
    for (c, base) in RANGES {
        let iface = built(c);
        assert!(!iface.errors.is_empty(), "{c}: no error enum in the spec");
        for e in &iface.errors {
            assert!(
                (base..base + RANGE_LEN).contains(&e.code),
                "{c}: {}::{} = {} lies outside {base}..{}",
                iface.error_enum,
                e.name,
                e.code,
                base + RANGE_LEN
            );
        }
        let not_admin = iface.errors.iter().find(|e| e.name == "NotAdmin");
        assert_eq!(
            not_admin.map(|e| e.code),
            Some(base + ADMIN_OFFSET),
            "{c}: NotAdmin at base + ADMIN_OFFSET"
        );
    }
}

fn function(doc: &str) -> Function {
    Function {
        name: "f".into(),
        doc: doc.into(),
        inputs: vec![],
        output: None,
    }
}

#[test]
fn a_missing_authorization_section_or_a_cut_doc_is_refused() {
    assert!(docs::check_function_doc("c", &function("Does it.\n\n# Errors\nNone.")).is_err());
    assert!(docs::check_function_doc("c", &function("Does it.\n\n# Authorization\n")).is_err());
    let long = format!(
        "# Authorization\nAnyone.\n{}",
        "x".repeat(docs::SPEC_DOC_MAX)
    );
    assert!(docs::check_function_doc("c", &function(&long[..docs::SPEC_DOC_MAX])).is_err());
    assert!(docs::check_function_doc("c", &function("# Authorization\nAnyone.")).is_ok());
}

#[test]
fn sections_and_error_links_render_on_one_line() {
    let doc = "Pays.\n\n# Authorization\n`caller`, which must be\nthe admin.\n\n# Errors\n\
               [`VaultError::NotAdmin`] (a | b),\n[`VaultError::Overflow`].\n\n# Events\n`paid`.";
    assert_eq!(
        docs::section(doc, "Authorization").as_deref(),
        Some("`caller`, which must be the admin.")
    );
    assert_eq!(docs::section(doc, "Events").as_deref(), Some("`paid`."));
    assert_eq!(docs::section(doc, "Panics"), None);
    let iface = Interface {
        error_enum: "VaultError".into(),
        errors: vec![
            model::ErrorCase {
                name: "Overflow".into(),
                code: 116,
                doc: String::new(),
            },
            model::ErrorCase {
                name: "NotAdmin".into(),
                code: 150,
                doc: String::new(),
            },
        ],
        ..Interface::default()
    };
    let errors = docs::section(doc, "Errors").unwrap();
    assert_eq!(
        docs::link_errors(&errors, &iface).unwrap(),
        "`NotAdmin` (150) (a \\| b), `Overflow` (116)."
    );
    assert!(docs::link_errors("[`VaultError::Gone`]", &iface).is_err());
    assert!(docs::link_errors("[`SettlementError::NotAdmin`]", &iface).is_err());
}

#[test]
fn splice_replaces_only_the_generated_block() {
    let doc = format!(
        "# T\n\nprose\n\n{}\nold\n{}\n\nmore prose\n",
        docs::BEGIN,
        docs::END
    );
    let block = format!("{}\nnew\n{}", docs::BEGIN, docs::END);
    assert_eq!(
        docs::splice(&doc, &block).unwrap(),
        format!("# T\n\nprose\n\n{block}\n\nmore prose\n")
    );
    assert!(docs::splice("# T\nno markers\n", &block).is_err());
}
