//! A contract's interface as read from its WASM spec (`contractspecv0`).
use stellar_xdr::{ScSpecEntry, ScSpecEventDataFormat, ScSpecEventParamLocationV0, ScSpecTypeDef};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Param {
    pub name: String,
    pub ty: String,
    pub doc: String,
}

impl Param {
    /// A parameter, field or event parameter as the spec declares it.
    fn from_spec<const N: u32, const D: u32>(
        name: &stellar_xdr::StringM<N>,
        ty: &ScSpecTypeDef,
        doc: &stellar_xdr::StringM<D>,
    ) -> Param {
        Param {
            name: text(name),
            ty: type_name(ty),
            doc: text(doc),
        }
    }

    pub fn optional(&self) -> bool {
        self.ty.starts_with("Option<")
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Function {
    pub name: String,
    pub doc: String,
    pub inputs: Vec<Param>,
    pub output: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ErrorCase {
    pub name: String,
    pub code: u32,
    pub doc: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Event {
    /// The Rust type's name in the spec; indexers see [`Event::topic_name`].
    pub name: String,
    pub doc: String,
    /// Fixed topics (topic 0 is the event name).
    pub prefix_topics: Vec<String>,
    /// Topics after the fixed ones, in order.
    pub topics: Vec<Param>,
    pub data: Vec<Param>,
    pub data_format: String,
}

impl Event {
    /// The event's name on chain (topic 0).
    pub fn topic_name(&self) -> String {
        self.prefix_topics.join(",")
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Struct {
    pub name: String,
    pub doc: String,
    pub fields: Vec<Param>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Interface {
    pub functions: Vec<Function>,
    /// The error enum's name (`VaultError`); empty when the contract has none.
    pub error_enum: String,
    pub errors: Vec<ErrorCase>,
    pub events: Vec<Event>,
    pub structs: Vec<Struct>,
}

pub fn type_name(t: &ScSpecTypeDef) -> String {
    use ScSpecTypeDef as T;
    match t {
        T::Val => "Val".into(),
        T::Bool => "bool".into(),
        T::Void => "()".into(),
        T::Error => "Error".into(),
        T::U32 => "u32".into(),
        T::I32 => "i32".into(),
        T::U64 => "u64".into(),
        T::I64 => "i64".into(),
        T::Timepoint => "Timepoint".into(),
        T::Duration => "Duration".into(),
        T::U128 => "u128".into(),
        T::I128 => "i128".into(),
        T::U256 => "u256".into(),
        T::I256 => "i256".into(),
        T::Bytes => "Bytes".into(),
        T::String => "String".into(),
        T::Symbol => "Symbol".into(),
        T::Address => "Address".into(),
        T::MuxedAddress => "MuxedAddress".into(),
        T::Option(o) => format!("Option<{}>", type_name(&o.value_type)),
        T::Result(r) => format!(
            "Result<{}, {}>",
            type_name(&r.ok_type),
            type_name(&r.error_type)
        ),
        T::Vec(v) => format!("Vec<{}>", type_name(&v.element_type)),
        T::Map(m) => format!(
            "Map<{}, {}>",
            type_name(&m.key_type),
            type_name(&m.value_type)
        ),
        T::Tuple(t) => format!(
            "({})",
            t.value_types
                .iter()
                .map(type_name)
                .collect::<Vec<_>>()
                .join(", ")
        ),
        T::BytesN(b) => format!("BytesN<{}>", b.n),
        T::Udt(u) => text(&u.name),
    }
}

/// A spec string as text (the XDR `Display` escapes newlines).
fn text<const N: u32>(s: &stellar_xdr::StringM<N>) -> String {
    String::from_utf8_lossy(s.as_slice()).into_owned()
}

/// Reads the interface of a WASM.
pub fn read(wasm: &[u8]) -> Result<Interface, String> {
    let entries = soroban_spec::read::from_wasm(wasm).map_err(|e| format!("reading spec: {e}"))?;
    let mut iface = Interface::default();
    for entry in entries {
        match entry {
            ScSpecEntry::FunctionV0(f) => iface.functions.push(Function {
                name: text(&f.name),
                doc: text(&f.doc),
                inputs: f
                    .inputs
                    .iter()
                    .map(|i| Param::from_spec(&i.name, &i.type_, &i.doc))
                    .collect(),
                output: f.outputs.first().map(type_name),
            }),
            ScSpecEntry::UdtErrorEnumV0(e) => {
                iface.error_enum = text(&e.name);
                iface.errors.extend(e.cases.iter().map(|c| ErrorCase {
                    name: text(&c.name),
                    code: c.value,
                    doc: text(&c.doc),
                }))
            }
            ScSpecEntry::EventV0(e) => {
                let params_at = |location| {
                    e.params
                        .iter()
                        .filter(|p| p.location == location)
                        .map(|p| Param::from_spec(&p.name, &p.type_, &p.doc))
                        .collect()
                };
                iface.events.push(Event {
                    name: text(&e.name),
                    doc: text(&e.doc),
                    prefix_topics: e.prefix_topics.iter().map(|t| text(&t.0)).collect(),
                    topics: params_at(ScSpecEventParamLocationV0::TopicList),
                    data: params_at(ScSpecEventParamLocationV0::Data),
                    data_format: match e.data_format {
                        ScSpecEventDataFormat::SingleValue => "single-value",
                        ScSpecEventDataFormat::Vec => "vec",
                        ScSpecEventDataFormat::Map => "map",
                    }
                    .into(),
                })
            }
            ScSpecEntry::UdtStructV0(s) => iface.structs.push(Struct {
                name: text(&s.name),
                doc: text(&s.doc),
                fields: s
                    .fields
                    .iter()
                    .map(|f| Param::from_spec(&f.name, &f.type_, &f.doc))
                    .collect(),
            }),
            _ => {}
        }
    }
    iface.functions.sort_by(|a, b| a.name.cmp(&b.name));
    iface.errors.sort_by_key(|e| e.code);
    iface.events.sort_by_key(|e| e.topic_name());
    iface.structs.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(iface)
}
