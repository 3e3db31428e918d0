//! Structured fuzzing of the settlement on its own: random registrations,
//! payments (single and batch) from registered and unregistered vaults,
//! developer withdrawals, pool distributions, imports (backed or not) and
//! retirement, with arbitrary amounts including i128 extremes. After every
//! call: a refusal is a typed contract error and changes nothing; USDC is
//! conserved; while active, the settlement holds exactly its pool plus
//! developer balances (at least that, after donations).
#![no_main]

use arbitrary::Arbitrary;
use callora_settlement::{Settlement, SettlementClient};
use callora_types::types::{DeveloperBalance, Payment};
use libfuzzer_sys::fuzz_target;
use soroban_sdk::{testutils::Address as _, token::StellarAssetClient, token::TokenClient, Address, Vec};

#[derive(Arbitrary, Debug)]
enum Op {
    SetVault { vault: u8, allowed: bool },
    Pay { vault: u8, amount: i128, to_pool: bool, developer: Option<u8> },
    PayMany { vault: u8, pool_amount: i128, credits: std::vec::Vec<(u8, i128)> },
    Withdraw { developer: u8, amount: i128 },
    DistributePool { to: u8, amount: i128 },
    Donate { amount: u16 },
    Import { balances: std::vec::Vec<(u8, i128)>, pool_amount: i128 },
    Retire,
    Page { start: u32, limit: u32 },
}

fuzz_target!(|ops: std::vec::Vec<Op>| {
    if ops.len() > 24 {
        return;
    }
    let env = callora_types::test_env();
    env.mock_all_auths();
    env.cost_estimate().budget().reset_unlimited();
    let admin = Address::generate(&env);
    let usdc = env.register_stellar_asset_contract_v2(Address::generate(&env)).address();
    let sac = StellarAssetClient::new(&env, &usdc);
    let token = TokenClient::new(&env, &usdc);
    let vaults: std::vec::Vec<Address> = (0..3).map(|_| Address::generate(&env)).collect();
    let developers: std::vec::Vec<Address> = (0..4).map(|_| Address::generate(&env)).collect();
    let donor = Address::generate(&env);
    let successor = Address::generate(&env);
    let minted: i128 = 1_000_000;
    for v in &vaults {
        sac.mint(v, &minted);
    }
    sac.mint(&donor, &minted);
    let id = env.register(Settlement, (admin.clone(), usdc.clone(), None::<Address>));
    let s = SettlementClient::new(&env, &id);
    let holders: std::vec::Vec<Address> = vaults
        .iter()
        .chain(developers.iter())
        .cloned()
        .chain([donor.clone(), successor.clone(), id.clone()])
        .collect();
    let total = minted * 4;
    let dev = |n: &u8| developers[*n as usize % developers.len()].clone();
    let vault = |n: &u8| vaults[*n as usize % vaults.len()].clone();
    let fingerprint = || {
        (
            s.get_global_pool().total_balance,
            s.get_developer_total(),
            s.get_developer_count(),
            s.get_successor(),
            vaults.iter().map(|v| s.is_vault(v)).collect::<std::vec::Vec<_>>(),
            developers.iter().map(|d| s.get_developer_balance(d)).collect::<std::vec::Vec<_>>(),
            holders.iter().map(|h| token.balance(h)).collect::<std::vec::Vec<_>>(),
        )
    };
    for op in &ops {
        let before = fingerprint();
        macro_rules! typed {
            ($call:expr) => {{
                match $call {
                    Ok(Ok(_)) => true,
                    // Our typed errors, or the USDC contract's own (e.g. #10:
                    // a depositor without the funds): typed, state unchanged.
                    Err(Ok(_)) | Err(Err(soroban_sdk::InvokeError::Contract(_))) => false,
                    other => panic!("{op:?}: untyped failure {other:?}"),
                }
            }};
        }
        let ok = match op {
            Op::SetVault { vault: v, allowed } => typed!(s.try_set_vault(&admin, &vault(v), allowed)),
            Op::Pay { vault: v, amount, to_pool, developer } => {
                typed!(s.try_receive_payment(&vault(v), amount, to_pool, &developer.map(|d| dev(&d))))
            }
            Op::PayMany { vault: v, pool_amount, credits } => {
                let mut c = Vec::new(&env);
                for (d, amount) in credits.iter().take(8) {
                    c.push_back(Payment { to: dev(d), amount: *amount });
                }
                typed!(s.try_receive_payments(&vault(v), pool_amount, &c))
            }
            Op::Withdraw { developer, amount } => typed!(s.try_withdraw(&dev(developer), amount)),
            Op::DistributePool { to, amount } => typed!(s.try_distribute_pool(&admin, &dev(to), amount)),
            Op::Donate { amount } => {
                token.transfer(&donor, &id, &(*amount as i128));
                true
            }
            Op::Import { balances, pool_amount } => {
                let mut b = Vec::new(&env);
                for (d, amount) in balances.iter().take(8) {
                    b.push_back(DeveloperBalance { developer: dev(d), balance: *amount });
                }
                typed!(s.try_import_balances(&admin, &b, pool_amount))
            }
            Op::Retire => typed!(s.try_retire(&admin, &successor)),
            Op::Page { start, limit } => typed!(s.try_get_developer_balances(start, limit)),
        };
        if !ok {
            assert_eq!(fingerprint(), before, "{op:?} failed but changed state");
        }
        let sum: i128 = holders.iter().map(|h| token.balance(h)).sum();
        assert_eq!(sum, total, "USDC not conserved after {op:?}");
        let (pool, devs) = (s.get_global_pool().total_balance, s.get_developer_total());
        assert!(pool >= 0 && devs >= 0);
        let individual: i128 = developers.iter().map(|d| s.get_developer_balance(d)).sum();
        assert_eq!(devs, individual, "developer total != sum after {op:?}");
        if s.get_successor().is_none() {
            // Donations are unaccounted surplus: never less than accounted.
            assert!(token.balance(&id) >= pool + devs, "settlement unbacked after {op:?}");
        }
    }
});
