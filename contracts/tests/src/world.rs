//! A deployed Callora system on the in-process host: USDC (a Stellar Asset
//! Contract), a settlement, a revenue pool, and vaults, all from the built
//! WASMs.
extern crate std;

use crate::wasm::{revenue_pool, settlement, vault};
use soroban_sdk::{
    testutils::{Address as _, Ledger as _},
    token::{StellarAssetClient, TokenClient},
    xdr::ToXdr,
    Address, BytesN, Env, String, Vec,
};

pub struct World {
    pub env: Env,
    pub admin: Address,
    pub backend: Address,
    pub usdc: Address,
    pub token: TokenClient<'static>,
    pub sac: StellarAssetClient<'static>,
    pub settlement: settlement::Client<'static>,
    pub pool: revenue_pool::Client<'static>,
}

pub struct Consumer {
    pub owner: Address,
    pub vault: vault::Client<'static>,
}

impl World {
    /// Mainnet resource limits (as `Env::default()`), all auths mocked.
    pub fn new() -> World {
        let env = callora_types::test_env();
        env.ledger().set_sequence_number(1_000);
        env.ledger().set_timestamp(1_750_000_000);
        World::on(env)
    }

    /// The system deployed on `env` (ledger settings as the caller set them).
    pub fn on(env: Env) -> World {
        env.mock_all_auths();
        let admin = Address::generate(&env);
        let backend = Address::generate(&env);
        let usdc = env
            .register_stellar_asset_contract_v2(Address::generate(&env))
            .address();
        let settlement_id = env.register(
            settlement::WASM,
            (admin.clone(), usdc.clone(), None::<Address>),
        );
        let pool_id = env.register(revenue_pool::WASM, (admin.clone(), usdc.clone()));
        World {
            token: TokenClient::new(&env, &usdc),
            sac: StellarAssetClient::new(&env, &usdc),
            settlement: settlement::Client::new(&env, &settlement_id),
            pool: revenue_pool::Client::new(&env, &pool_id),
            env,
            admin,
            backend,
            usdc,
        }
    }

    pub fn s(&self, v: &str) -> String {
        String::from_str(&self.env, v)
    }

    /// A deduct's `valid_until_ledger` as the backend picks it: about five
    /// minutes from now.
    pub fn until(&self) -> u32 {
        valid_until(&self.env)
    }

    /// A consumer with `funds` USDC and a vault (from the built WASM) paying
    /// the revenue pool; with `settle`, also registered with and routed to
    /// the settlement.
    pub fn consumer(&self, funds: i128, settle: bool) -> Consumer {
        let owner = Address::generate(&self.env);
        self.sac.mint(&owner, &funds);
        let id = self.env.register(
            vault::WASM,
            vault_args(
                &owner,
                &self.admin,
                &self.usdc,
                Some(&self.backend),
                Some(&self.pool.address),
            ),
        );
        let vault = vault::Client::new(&self.env, &id);
        if settle {
            self.settlement.set_vault(&self.admin, &id, &true);
            vault.set_settlement(&self.admin, &Some(self.settlement.address.clone()));
        }
        Consumer { owner, vault }
    }

    pub fn balance(&self, who: &Address) -> i128 {
        self.token.balance(who)
    }

    /// Settlement USDC == pool + sum of developer balances.
    pub fn assert_settlement_backed(&self) {
        assert_eq!(
            self.balance(&self.settlement.address),
            self.settlement.get_global_pool().total_balance + self.settlement.get_developer_total()
        );
    }
}

impl Default for World {
    fn default() -> Self {
        Self::new()
    }
}

/// One API call of a `batch_deduct`, as the suites write them (code version
/// 3 takes them by column: [`columns_of`]).
#[soroban_sdk::contracttype]
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct Item {
    pub amount: i128,
    pub request_id: String,
    pub developer: Option<Address>,
}

/// The code version 3 `batch_deduct` columns of `items` (see [`columns`]).
pub fn columns_of(env: &Env, items: &Vec<Item>) -> vault::DeductBatch {
    let mut batch = columns(env, &[]);
    for item in items.iter() {
        push_call(&mut batch, item.amount, item.request_id, item.developer);
    }
    batch
}

fn push_call(
    batch: &mut vault::DeductBatch,
    amount: i128,
    request_id: String,
    developer: Option<Address>,
) {
    let index = match batch.developers.first_index_of(&developer) {
        Some(i) => i,
        None => {
            batch.developers.push_back(developer);
            batch.developers.len() - 1
        }
    };
    batch.request_ids.push_back(request_id);
    batch.amounts.push_back(amount);
    batch.developer_index.push_back(index);
}

/// One API call of a `batch_deduct`: amount, request id, credited developer
/// (`None`: the settlement's pool).
pub type Call<'a> = (i128, &'a str, Option<&'a Address>);

/// The code version 3 `batch_deduct` columns of `calls`, as a backend builds
/// them: each credited destination listed once, in order of first
/// appearance.
pub fn columns(env: &Env, calls: &[Call]) -> vault::DeductBatch {
    let mut batch = vault::DeductBatch {
        request_ids: Vec::new(env),
        amounts: Vec::new(env),
        developer_index: Vec::new(env),
        developers: Vec::new(env),
    };
    for (amount, request_id, developer) in calls {
        let id = String::from_str(env, request_id);
        push_call(&mut batch, *amount, id, developer.cloned());
    }
    batch
}

/// The one argument the backend signs for a code version 3 `batch_deduct`:
/// `sha256` of the XDR of `[request_id, batch, valid_until_ledger]`.
pub fn batch_digest(
    env: &Env,
    request_id: &String,
    batch: &vault::DeductBatch,
    valid_until_ledger: u32,
) -> BytesN<32> {
    let preimage = (request_id.clone(), batch.clone(), valid_until_ledger).to_xdr(env);
    env.crypto().sha256(&preimage).into()
}

/// A deduct's `valid_until_ledger` about five minutes (60 ledgers) after
/// `env`'s current ledger.
pub fn valid_until(env: &Env) -> u32 {
    env.ledger().sequence() + 60
}

/// The vault constructor's arguments (code version 3): owner, admin (the
/// operator), USDC, no initial balance, the backend, default minimum
/// deposit, the revenue pool, default maximum deduct.
pub type VaultArgs = (
    Address,
    Address,
    Address,
    Option<i128>,
    Option<Address>,
    Option<i128>,
    Option<Address>,
    Option<i128>,
);

pub fn vault_args(
    owner: &Address,
    admin: &Address,
    usdc: &Address,
    authorized_caller: Option<&Address>,
    revenue_pool: Option<&Address>,
) -> VaultArgs {
    (
        owner.clone(),
        admin.clone(),
        usdc.clone(),
        None,
        authorized_caller.cloned(),
        None,
        revenue_pool.cloned(),
        None,
    )
}

/// The constructor arguments of a code version 1 or 2 vault (no `admin`:
/// those versions made the owner the admin).
pub type LegacyVaultArgs = (
    Address,
    Address,
    Option<i128>,
    Option<Address>,
    Option<i128>,
    Option<Address>,
    Option<i128>,
);

pub fn legacy_vault_args(
    owner: &Address,
    usdc: &Address,
    authorized_caller: Option<&Address>,
    revenue_pool: Option<&Address>,
) -> LegacyVaultArgs {
    (
        owner.clone(),
        usdc.clone(),
        None,
        authorized_caller.cloned(),
        None,
        revenue_pool.cloned(),
        None,
    )
}

/// Sets a contract's stored schema version (OpenZeppelin `upgradeable`'s
/// `SchemaVersion` key), as if its data predated a migration.
pub fn force_schema(env: &Env, contract: &Address, version: u32) {
    env.as_contract(contract, || {
        env.storage()
            .instance()
            .set(&(soroban_sdk::Symbol::new(env, "SchemaVersion"),), &version);
    });
}

/// Whether the last invocation was refused for a missing signature: the
/// contract trapped with `Error(Auth, InvalidAction)` (seen in the
/// diagnostic log), which reaches the caller as `Error(Context,
/// InvalidAction)`.
pub fn refused_for_auth(env: &Env, err: &soroban_sdk::Error) -> bool {
    use soroban_sdk::{
        testutils::Logs as _,
        xdr::{ScErrorCode, ScErrorType},
    };
    let trapped = env
        .logs()
        .all()
        .iter()
        .any(|l| l.contains("VM call trapped") && l.contains("Error(Auth, InvalidAction)"));
    trapped
        && *err
            == soroban_sdk::Error::from_type_and_code(
                ScErrorType::Context,
                ScErrorCode::InvalidAction,
            )
}
