//! Classifies the differences between two versions of a contract's spec for
//! the two kinds of consumers: the backend (calls functions, matches error
//! codes) and indexers (filter events by topics, decode them).
//!
//! Topic count and order per event name are frozen: a `getEvents` topic
//! filter has one slot per topic and matches only events with exactly that
//! many topics, so a filter written for one version silently matches nothing
//! of a version that changed the count. Every report therefore lists each
//! event's topic slots in both versions, and any change of count or order is
//! BREAKING for indexers.
use std::collections::BTreeMap;

use crate::model::{Event, Interface, Param};

#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Change {
    pub breaking: bool,
    pub audience: &'static str,
    pub what: String,
}

/// The changes found so far.
#[derive(Default)]
struct Changes(Vec<Change>);

impl Changes {
    fn push(&mut self, breaking: bool, audience: &'static str, what: String) {
        self.0.push(Change {
            breaking,
            audience,
            what,
        });
    }
}

/// Each old item by key with its new version (`None` when removed).
type Kept<'a, T> = Vec<(String, &'a T, Option<&'a T>)>;
/// The items by key that only the new version has.
type Added<'a, T> = Vec<(String, &'a T)>;

/// The items of two versions paired by key.
fn pair<'a, T>(
    old: &'a [T],
    new: &'a [T],
    key: impl Fn(&T) -> String,
) -> (Kept<'a, T>, Added<'a, T>) {
    let old: BTreeMap<String, &T> = old.iter().map(|i| (key(i), i)).collect();
    let new: BTreeMap<String, &T> = new.iter().map(|i| (key(i), i)).collect();
    let kept = old
        .iter()
        .map(|(k, o)| (k.clone(), *o, new.get(k).copied()))
        .collect();
    let added = new
        .into_iter()
        .filter(|(k, _)| !old.contains_key(k))
        .collect();
    (kept, added)
}

fn sig(ps: &[Param]) -> String {
    ps.iter()
        .map(|p| format!("{}: {}", p.name, p.ty))
        .collect::<Vec<_>>()
        .join(", ")
}

const BACKEND: &str = "backend";
const INDEXER: &str = "indexer";
/// Not a change: one line per event name with its topic slots in both
/// versions (rendered as its own block, never breaking by itself; a changed
/// count or order is also reported as a BREAKING indexer change).
pub const TOPICS: &str = "topics";

/// An event's topics as a `getEvents` filter sees them: the fixed prefix
/// (topic 0 is the name), then the topic parameters in order.
fn slots(e: &Event) -> Vec<String> {
    e.prefix_topics
        .iter()
        .cloned()
        .chain(e.topics.iter().map(|p| format!("{}: {}", p.name, p.ty)))
        .collect()
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        "slot"
    } else {
        "slots"
    }
}

/// Every difference between `old` and `new`, breaking ones first, followed
/// by the topic-slot listing of every event name (audience [`TOPICS`]).
pub fn diff(old: &Interface, new: &Interface) -> Vec<Change> {
    let mut changes = Changes::default();
    let c = &mut changes;

    // Functions: any change to an existing function's arguments or result
    // breaks callers (Soroban invocations pass exactly the declared arguments,
    // and spec-driven clients pass them by name).
    let (kept, added) = pair(&old.functions, &new.functions, |f| f.name.clone());
    for (name, o, n) in kept {
        let Some(n) = n else {
            c.push(true, BACKEND, format!("function {name} removed"));
            continue;
        };
        if o.inputs
            .iter()
            .map(|p| (&p.name, &p.ty))
            .ne(n.inputs.iter().map(|p| (&p.name, &p.ty)))
        {
            let (o, n) = (sig(&o.inputs), sig(&n.inputs));
            let what = format!("function {name} arguments ({o}) -> ({n})");
            c.push(true, BACKEND, what);
        }
        if o.output != n.output {
            let (o, n) = (&o.output, &n.output);
            let what = format!("function {name} returns {o:?} -> {n:?}");
            c.push(true, BACKEND, what);
        }
    }
    for (name, _) in added {
        c.push(false, BACKEND, format!("function {name} added"));
    }

    // Error codes: clients map codes to names.
    let (kept, added) = pair(&old.errors, &new.errors, |e| e.code.to_string());
    for (code, o, n) in kept {
        match n {
            None => c.push(true, BACKEND, format!("error {} ({code}) removed", o.name)),
            Some(n) if n.name != o.name => {
                let what = format!("error {code} renamed {} -> {}", o.name, n.name);
                c.push(true, BACKEND, what)
            }
            _ => {}
        }
    }
    for (code, n) in added {
        c.push(false, BACKEND, format!("error {} ({code}) added", n.name));
    }

    // Types passed to or returned from functions.
    let (kept, added) = pair(&old.structs, &new.structs, |s| s.name.clone());
    for (name, o, n) in kept {
        match n {
            None => c.push(true, BACKEND, format!("type {name} removed")),
            Some(n) if n.fields != o.fields && sig(&n.fields) != sig(&o.fields) => {
                let (o, n) = (sig(&o.fields), sig(&n.fields));
                c.push(true, BACKEND, format!("type {name} fields ({o}) -> ({n})"))
            }
            _ => {}
        }
    }
    for (name, _) in added {
        c.push(false, BACKEND, format!("type {name} added"));
    }

    // Events: an indexer filters by topics and decodes data by field name.
    let (kept, added) = pair(&old.events, &new.events, |e| e.topic_name());
    for (name, o, n) in kept {
        let Some(n) = n else {
            c.push(true, INDEXER, format!("event {name} removed"));
            continue;
        };
        let (os, ns) = (slots(o), slots(n));
        if os.len() != ns.len() {
            let what = format!(
                "event {name} topic count {} -> {}: a getEvents filter with {} topic {} \
                 matches no event of the new version",
                os.len(),
                ns.len(),
                os.len(),
                plural(os.len())
            );
            c.push(true, INDEXER, what);
        }
        if os != ns {
            let what = format!(
                "event {name} topics [{}] -> [{}]",
                os.join(", "),
                ns.join(", ")
            );
            c.push(true, INDEXER, what);
        }
        if o.data_format != n.data_format {
            let (o, n) = (&o.data_format, &n.data_format);
            let what = format!("event {name} data format {o} -> {n}");
            c.push(true, INDEXER, what);
        }
        let (kept, added) = pair(&o.data, &n.data, |p| p.name.clone());
        for (field, p, q) in kept {
            let what = format!("event {name} data field {field}");
            match q {
                None => c.push(true, INDEXER, format!("{what} removed")),
                Some(q) if q.ty != p.ty => c.push(
                    true,
                    INDEXER,
                    format!("{what} retyped {} -> {}", p.ty, q.ty),
                ),
                _ => {}
            }
        }
        for (field, q) in added {
            // Events emitted before the change lack the field: only an
            // optional one can be decoded uniformly across versions.
            let how = if q.optional() {
                " (optional)"
            } else {
                " (required; absent in older events)"
            };
            let what = format!("event {name} data field {field}: {} added{how}", q.ty);
            c.push(!q.optional(), INDEXER, what);
        }
    }
    for (name, _) in added {
        c.push(false, INDEXER, format!("event {name} added"));
    }

    // Topic slots of every event name, in both versions.
    let (kept, added) = pair(&old.events, &new.events, |e| e.topic_name());
    let mut listing: Vec<(String, String)> = kept
        .into_iter()
        .map(|(name, o, n)| {
            let os = slots(o);
            let line = match n.map(slots) {
                None => format!("{}  removed", os.len()),
                Some(ns) if ns == os => format!("{}  [{}]", os.len(), os.join(", ")),
                Some(ns) if ns.len() == os.len() => {
                    format!("{}  [{}]  ORDER CHANGED", ns.len(), ns.join(", "))
                }
                Some(ns) => format!(
                    "{} -> {}  [{}]  COUNT CHANGED",
                    os.len(),
                    ns.len(),
                    ns.join(", ")
                ),
            };
            (name, line)
        })
        .chain(added.into_iter().map(|(name, n)| {
            let ns = slots(n);
            (name, format!("{}  [{}]  added", ns.len(), ns.join(", ")))
        }))
        .collect();
    listing.sort();
    for (name, line) in listing {
        c.push(false, TOPICS, format!("{name:<24} {line}"));
    }

    let mut changes = changes.0;
    changes.sort_by(|a, b| {
        (!a.breaking, a.audience, &a.what).cmp(&(!b.breaking, b.audience, &b.what))
    });
    changes
}

/// The report lines of one contract's diff: the changes, breaking first,
/// then the topic slots of every event name.
pub fn render(contract: &str, from: &str, to: &str, changes: &[Change]) -> String {
    let mut out = format!("{contract}: {from} -> {to}\n");
    let (listing, changes): (Vec<&Change>, Vec<&Change>) =
        changes.iter().partition(|c| c.audience == TOPICS);
    if changes.is_empty() {
        out.push_str("  no interface or event changes\n");
    }
    for c in changes {
        out.push_str(&format!(
            "  {:<10} {:<8} {}\n",
            if c.breaking { "BREAKING" } else { "compatible" },
            c.audience,
            c.what
        ));
    }
    if !listing.is_empty() {
        out.push_str(
            "  topic slots per event (frozen: a getEvents filter matches only this count):\n",
        );
        for c in listing {
            out.push_str(&format!("    {}\n", c.what));
        }
    }
    out
}

/// A committed report without the reviewer's notes (lines starting with
/// `#`), as `render` writes it: what `diff-dir --expect` compares. Notes
/// record what a spec cannot show, e.g. an event that stopped being emitted
/// on some path.
pub fn without_notes(report: &str) -> String {
    report
        .lines()
        .filter(|l| !l.starts_with('#'))
        .flat_map(|l| [l, "\n"])
        .collect()
}

#[cfg(test)]
mod test {
    use super::*;
    use crate::model::{ErrorCase, Event, Function, Interface, Param};

    fn p(name: &str, ty: &str) -> Param {
        Param {
            name: name.into(),
            ty: ty.into(),
            doc: String::new(),
        }
    }

    fn base() -> Interface {
        Interface {
            error_enum: "VaultError".into(),
            functions: vec![Function {
                name: "deduct".into(),
                doc: String::new(),
                inputs: vec![p("caller", "Address"), p("amount", "i128")],
                output: Some("i128".into()),
            }],
            errors: vec![ErrorCase {
                name: "InvalidAmount".into(),
                code: 100,
                doc: String::new(),
            }],
            events: vec![Event {
                name: "Deduct".into(),
                doc: String::new(),
                prefix_topics: vec!["deduct".into()],
                topics: vec![p("vault", "Address")],
                data: vec![p("amount", "i128")],
                data_format: "map".into(),
            }],
            structs: vec![],
        }
    }

    /// The changes, without the topic-slot listing.
    fn changes(old: &Interface, new: &Interface) -> Vec<Change> {
        diff(old, new)
            .into_iter()
            .filter(|c| c.audience != TOPICS)
            .collect()
    }

    fn kinds(old: &Interface, new: &Interface) -> Vec<(bool, &'static str)> {
        changes(old, new)
            .iter()
            .map(|c| (c.breaking, c.audience))
            .collect()
    }

    fn listing(old: &Interface, new: &Interface) -> Vec<String> {
        diff(old, new)
            .into_iter()
            .filter(|c| c.audience == TOPICS)
            .map(|c| c.what)
            .collect()
    }

    #[test]
    fn identical_specs_have_no_changes() {
        assert!(changes(&base(), &base()).is_empty());
        assert_eq!(
            listing(&base(), &base()),
            vec![format!("{:<24} 2  [deduct, vault: Address]", "deduct")]
        );
    }

    /// v1 -> v2 of `developer_credited`: `vault` moved from the topics to the
    /// data, so 3-slot filters matched nothing.
    #[test]
    fn topic_count_change_is_breaking_for_filters() {
        let old = base();
        let mut moved = base();
        let vault = moved.events[0].topics.remove(0);
        moved.events[0].data.push(vault);
        let found = changes(&old, &moved);
        assert!(found.iter().any(|c| c.breaking
            && c.audience == "indexer"
            && c.what
                == "event deduct topic count 2 -> 1: a getEvents filter with 2 topic slots \
                    matches no event of the new version"));
        assert!(found.iter().all(|c| c.breaking));
        assert_eq!(
            listing(&old, &moved),
            vec![format!("{:<24} 2 -> 1  [deduct]  COUNT CHANGED", "deduct")]
        );
        // A topic added is as breaking as one removed.
        assert!(changes(&moved, &old)
            .iter()
            .any(|c| c.breaking && c.what.starts_with("event deduct topic count 1 -> 2")));
    }

    #[test]
    fn topic_order_change_is_breaking() {
        let mut old = base();
        old.events[0].topics.push(p("developer", "Address"));
        let mut swapped = old.clone();
        swapped.events[0].topics.reverse();
        let found = changes(&old, &swapped);
        assert_eq!(found.len(), 1);
        assert!(found[0].breaking);
        assert_eq!(
            found[0].what,
            "event deduct topics [deduct, vault: Address, developer: Address] -> \
             [deduct, developer: Address, vault: Address]"
        );
        assert!(listing(&old, &swapped)[0].ends_with("ORDER CHANGED"));
    }

    #[test]
    fn listing_names_added_and_removed_events() {
        let mut none = base();
        none.events.clear();
        assert_eq!(
            listing(&none, &base()),
            vec![format!(
                "{:<24} 2  [deduct, vault: Address]  added",
                "deduct"
            )]
        );
        assert_eq!(
            listing(&base(), &none),
            vec![format!("{:<24} 2  removed", "deduct")]
        );
    }

    #[test]
    fn backend_changes() {
        let old = base();
        let mut renamed = base();
        renamed.functions[0].inputs[1].name = "value".into();
        assert_eq!(kinds(&old, &renamed), vec![(true, "backend")]);
        let mut retyped = base();
        retyped.functions[0].output = Some("u32".into());
        assert_eq!(kinds(&old, &retyped), vec![(true, "backend")]);
        let mut added_arg = base();
        added_arg.functions[0]
            .inputs
            .push(p("memo", "Option<String>"));
        assert_eq!(kinds(&old, &added_arg), vec![(true, "backend")]);
        let mut removed = base();
        removed.functions.clear();
        assert_eq!(kinds(&old, &removed), vec![(true, "backend")]);
        assert_eq!(kinds(&removed, &old), vec![(false, "backend")]);
        let mut error_added = base();
        error_added.errors.push(ErrorCase {
            name: "X".into(),
            code: 101,
            doc: String::new(),
        });
        assert_eq!(kinds(&old, &error_added), vec![(false, "backend")]);
        assert_eq!(kinds(&error_added, &old), vec![(true, "backend")]);
    }

    #[test]
    fn indexer_changes() {
        let old = base();
        let mut optional_field = base();
        optional_field.events[0]
            .data
            .push(p("memo", "Option<String>"));
        assert_eq!(kinds(&old, &optional_field), vec![(false, "indexer")]);
        let mut required_field = base();
        required_field.events[0].data.push(p("memo", "String"));
        assert_eq!(kinds(&old, &required_field), vec![(true, "indexer")]);
        let mut retyped = base();
        retyped.events[0].data[0].ty = "i64".into();
        assert_eq!(kinds(&old, &retyped), vec![(true, "indexer")]);
        let mut topic = base();
        topic.events[0].topics.clear();
        // The count, and the topics themselves.
        assert_eq!(
            kinds(&old, &topic),
            vec![(true, "indexer"), (true, "indexer")]
        );
        let mut renamed = base();
        renamed.events[0].topics[0].name = "from".into();
        assert_eq!(kinds(&old, &renamed), vec![(true, "indexer")]);
        let mut format = base();
        format.events[0].data_format = "vec".into();
        assert_eq!(kinds(&old, &format), vec![(true, "indexer")]);
        let mut gone = base();
        gone.events.clear();
        assert_eq!(kinds(&old, &gone), vec![(true, "indexer")]);
        assert_eq!(kinds(&gone, &old), vec![(false, "indexer")]);
        // Only the doc changed: nothing for anyone.
        let mut doc = base();
        doc.events[0].doc = "new words".into();
        assert!(changes(&old, &doc).is_empty());
    }

    #[test]
    fn notes_are_not_compared() {
        let report = render("c", "v1", "v2", &diff(&base(), &base()));
        let noted = format!("# reviewed: nothing changed\n{report}# end\n");
        assert_eq!(without_notes(&noted), report);
        assert_ne!(without_notes(&report.replace("deduct", "x")), report);
    }

    #[test]
    fn report_lists_breaking_first() {
        let mut new = base();
        new.events[0].data.push(p("memo", "Option<String>"));
        new.functions.clear();
        let text = render("c", "v1", "v2", &diff(&base(), &new));
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "c: v1 -> v2");
        assert!(lines[1].contains("BREAKING") && lines[1].contains("function deduct removed"));
        assert!(lines[2].contains("compatible") && lines[2].contains("memo"));
        assert!(lines[3].starts_with("  topic slots per event"));
        assert_eq!(
            lines[4],
            format!("    {:<24} 2  [deduct, vault: Address]", "deduct")
        );
        assert_eq!(lines.len(), 5);
    }
}
