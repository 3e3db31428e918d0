//! Structured fuzzing of the vault (with a real settlement and a Stellar
//! Asset Contract as USDC): random sequences of every vault entry point with
//! arbitrary amounts, request ids and batch contents. After every call:
//! a refusal is a typed contract error (never a host panic) and changes
//! nothing; USDC is conserved; tracked balance == USDC held; the settlement
//! holds exactly its pool plus developer balances.
#![no_main]

use arbitrary::Arbitrary;
use callora_settlement::{Settlement, SettlementClient};
use callora_vault::{DeductItem, Vault, VaultClient};
use libfuzzer_sys::fuzz_target;
use soroban_sdk::{testutils::Address as _, token::StellarAssetClient, token::TokenClient, Address, Env, String, Vec};

#[derive(Arbitrary, Debug)]
enum Op {
    Deposit { by: u8, amount: i128 },
    Withdraw { amount: i128 },
    WithdrawTo { to: u8, amount: i128 },
    Deduct { amount: i128, request: u8, long: bool, developer: Option<u8> },
    BatchDeduct { items: std::vec::Vec<(i128, u8, Option<u8>)> },
    AllowDepositor { who: u8, allowed: bool },
    SetMinDeposit(i128),
    SetMaxDeduct(i128),
    SetMaxBatch(u32),
    RouteToSettlement(bool),
    ClearRevenuePool(bool),
    Pause,
    Unpause,
    DeveloperWithdraw { developer: u8, amount: i128 },
    DistributePool { developer: u8, amount: i128 },
    Metadata { id_len: u8, len: u16 },
}

#[derive(Arbitrary, Debug)]
struct Input {
    initial_balance: u16,
    ops: std::vec::Vec<Op>,
}

fn request(env: &Env, n: u8, long: bool) -> String {
    let len = if long { 40 + (n as usize % 40) } else { 1 + n as usize % 8 };
    String::from_str(env, &"r".repeat(len).chars().enumerate().map(|(i, c)| if i == 0 { (b'a' + n % 26) as char } else { c }).collect::<std::string::String>())
}

fuzz_target!(|input: Input| {
    if input.ops.len() > 24 {
        return;
    }
    let env = callora_types::test_env();
    env.mock_all_auths();
    env.cost_estimate().budget().reset_unlimited();
    let admin = Address::generate(&env);
    let owner = Address::generate(&env);
    let backend = Address::generate(&env);
    let pool = Address::generate(&env);
    let usdc = env.register_stellar_asset_contract_v2(Address::generate(&env)).address();
    let sac = StellarAssetClient::new(&env, &usdc);
    let token = TokenClient::new(&env, &usdc);
    let people: std::vec::Vec<Address> = (0..4).map(|_| Address::generate(&env)).collect();
    let minted: i128 = 1_000_000;
    sac.mint(&owner, &minted);
    for p in &people {
        sac.mint(p, &minted);
    }
    let vault_id = Address::generate(&env);
    let initial = input.initial_balance as i128;
    sac.mint(&vault_id, &initial);
    let none: Option<i128> = None;
    env.register_at(
        &vault_id,
        Vault,
        (owner.clone(), usdc.clone(), Some(initial), Some(backend.clone()), none, Some(pool.clone()), none),
    );
    let v = VaultClient::new(&env, &vault_id);
    let s_id = env.register(Settlement, (admin.clone(), usdc.clone(), Some(vault_id.clone())));
    let s = SettlementClient::new(&env, &s_id);
    let total = minted * 5 + initial;
    let holders: std::vec::Vec<Address> =
        [owner.clone(), pool.clone(), vault_id.clone(), s_id.clone()].into_iter().chain(people.iter().cloned()).collect();

    let fingerprint = || {
        (
            v.get_meta(),
            v.get_settlement(),
            v.get_revenue_pool(),
            v.get_max_deduct(),
            v.get_max_batch(),
            v.is_paused(),
            s.get_global_pool().total_balance,
            s.get_developer_total(),
            holders.iter().map(|h| token.balance(h)).collect::<std::vec::Vec<_>>(),
        )
    };

    for op in &input.ops {
        let before = fingerprint();
        let who = |n: &u8| people[*n as usize % people.len()].clone();
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
            Op::Deposit { by, amount } => {
                let from = if *by % 2 == 0 { owner.clone() } else { who(by) };
                typed!(v.try_deposit(&from, amount))
            }
            Op::Withdraw { amount } => typed!(v.try_withdraw(amount)),
            Op::WithdrawTo { to, amount } => typed!(v.try_withdraw_to(&who(to), amount)),
            Op::Deduct { amount, request: r, long, developer } => {
                typed!(v.try_deduct(&backend, amount, &request(&env, *r, *long), &developer.map(|d| who(&d))))
            }
            Op::BatchDeduct { items } => {
                let mut batch = Vec::new(&env);
                for (amount, r, developer) in items.iter().take(30) {
                    batch.push_back(DeductItem {
                        amount: *amount,
                        request_id: request(&env, *r, false),
                        developer: developer.map(|d| who(&d)),
                    });
                }
                typed!(v.try_batch_deduct(&backend, &batch))
            }
            Op::AllowDepositor { who: w, allowed } => typed!(v.try_set_allowed_depositor(&owner, &who(w), allowed)),
            Op::SetMinDeposit(x) => typed!(v.try_set_min_deposit(&owner, x)),
            Op::SetMaxDeduct(x) => typed!(v.try_set_max_deduct(&owner, x)),
            Op::SetMaxBatch(x) => typed!(v.try_set_max_batch(&owner, x)),
            Op::RouteToSettlement(on) => {
                typed!(v.try_set_settlement(&owner, &on.then(|| s_id.clone())))
            }
            Op::ClearRevenuePool(clear) => {
                typed!(v.try_set_revenue_pool(&owner, &(!clear).then(|| pool.clone())))
            }
            Op::Pause => typed!(v.try_pause(&owner)),
            Op::Unpause => typed!(v.try_unpause(&owner)),
            Op::DeveloperWithdraw { developer, amount } => typed!(s.try_withdraw(&who(developer), amount)),
            Op::DistributePool { developer, amount } => {
                typed!(s.try_distribute_pool(&admin, &who(developer), amount))
            }
            Op::Metadata { id_len, len } => {
                let id = String::from_str(&env, &"o".repeat(*id_len as usize % 80));
                let md = String::from_str(&env, &"m".repeat(*len as usize % 300));
                typed!(v.try_set_metadata(&owner, &id, &md))
            }
        };
        if !ok {
            assert_eq!(fingerprint(), before, "{op:?} failed but changed state");
        }
        let sum: i128 = holders.iter().map(|h| token.balance(h)).sum();
        assert_eq!(sum, total, "USDC not conserved after {op:?}");
        assert_eq!(v.balance(), token.balance(&vault_id), "tracked != held after {op:?}");
        assert!(v.balance() >= 0);
        let pool_total = s.get_global_pool().total_balance;
        assert!(pool_total >= 0 && s.get_developer_total() >= 0);
        assert_eq!(token.balance(&s_id), pool_total + s.get_developer_total(), "settlement unbacked after {op:?}");
    }
});
