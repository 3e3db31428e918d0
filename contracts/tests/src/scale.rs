//! Scale fixtures: a settlement with many credited developers, built by
//! writing the ledger snapshot directly (O(n)), then measured in a fresh
//! `Env` over that snapshot, which loads entries lazily the way a real
//! transaction's footprint does. (The host that built the state clones its
//! whole ledger at every contract frame, so measuring there would charge
//! each call for every entry ever written.)
extern crate std;

use soroban_ledger_snapshot::LedgerSnapshot;
use soroban_sdk::{
    xdr::{
        ContractId, Hash, Int128Parts, LedgerEntry, LedgerEntryData, LedgerKey, ScAddress,
        ScContractInstance, ScVal,
    },
    Address, Env,
};

fn symbol_key(name: &str, rest: Option<ScVal>) -> ScVal {
    let mut parts = std::vec![ScVal::Symbol(name.try_into().unwrap())];
    parts.extend(rest);
    ScVal::Vec(Some(parts.try_into().unwrap()))
}

/// Adds `n` credited developers (1 unit each) to a ledger snapshot in the
/// settlement's documented storage layout (`docs/settlement.md`):
/// `Developer(Address)`, `DeveloperAt(u32)`, `DeveloperIndex(Address)`
/// (schema 2, when the first developer has one) and the instance's
/// `DeveloperCount` / `DeveloperTotal`. Entries are cloned from the ones the
/// real credit path wrote for the first developer. The USDC backing them is
/// minted by the caller.
pub fn seed_developers(snapshot: &mut LedgerSnapshot, settlement: &ScAddress, n: u32) {
    let entries = &mut snapshot.ledger_entries;
    let find = |entries: &std::vec::Vec<_>, name: &str| {
        entries
            .iter()
            .position(|(key, _): &(Box<LedgerKey>, _)| match key.as_ref() {
                LedgerKey::ContractData(k) => {
                    k.contract == *settlement
                        && matches!(&k.key, ScVal::Vec(Some(v)) if v.first() == Some(&ScVal::Symbol(name.try_into().unwrap())))
                }
                _ => false,
            })
    };
    let developer_template = entries[find(entries, "Developer").unwrap()].clone();
    let index_template = entries[find(entries, "DeveloperAt").unwrap()].clone();
    let reverse_template = find(entries, "DeveloperIndex").map(|i| entries[i].clone());
    let clone_with =
        |template: &(Box<LedgerKey>, (Box<LedgerEntry>, Option<u32>)), key: ScVal, val: ScVal| {
            let (mut lk, (mut entry, ttl)) = template.clone();
            if let LedgerKey::ContractData(k) = lk.as_mut() {
                k.key = key.clone();
            }
            if let LedgerEntryData::ContractData(d) = &mut entry.data {
                d.key = key;
                d.val = val;
            }
            (lk, (entry, ttl))
        };
    for index in 1..=n {
        let mut id = [0xc0u8; 32];
        id[28..].copy_from_slice(&index.to_be_bytes());
        let developer = ScVal::Address(ScAddress::Contract(ContractId(Hash(id))));
        entries.push(clone_with(
            &developer_template,
            symbol_key("Developer", Some(developer.clone())),
            ScVal::I128(Int128Parts { hi: 0, lo: 1 }),
        ));
        entries.push(clone_with(
            &index_template,
            symbol_key("DeveloperAt", Some(ScVal::U32(index))),
            developer.clone(),
        ));
        if let Some(template) = &reverse_template {
            entries.push(clone_with(
                template,
                symbol_key("DeveloperIndex", Some(developer)),
                ScVal::U32(index),
            ));
        }
    }
    let instance = entries
        .iter_mut()
        .find_map(|(key, (entry, _))| match (key.as_ref(), &mut entry.data) {
            (LedgerKey::ContractData(k), LedgerEntryData::ContractData(d))
                if k.contract == *settlement && k.key == ScVal::LedgerKeyContractInstance =>
            {
                Some(d)
            }
            _ => None,
        })
        .unwrap();
    let ScVal::ContractInstance(ScContractInstance {
        storage: Some(map), ..
    }) = &mut instance.val
    else {
        panic!("settlement instance without storage");
    };
    let mut items = map.0.to_vec();
    for item in items.iter_mut() {
        if item.key == symbol_key("DeveloperCount", None) {
            item.val = ScVal::U32(n + 1);
        } else if item.key == symbol_key("DeveloperTotal", None) {
            let ScVal::I128(total) = &item.val else {
                panic!()
            };
            item.val = ScVal::I128(Int128Parts {
                hi: 0,
                lo: total.lo + n as u64,
            });
        }
    }
    map.0 = items.try_into().unwrap();
}

/// The same address as a value of another `Env` (host objects are per-Env).
pub fn port(env: &Env, address: &Address) -> Address {
    let strkey = address.to_string();
    let mut buf = [0u8; 56];
    strkey.copy_into_slice(&mut buf);
    Address::from_str(env, core::str::from_utf8(&buf).unwrap())
}
