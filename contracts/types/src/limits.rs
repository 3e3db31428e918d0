//! Every size and time limit of the three contracts, defined once. The
//! contracts re-export them under the same names; `callora-spec docs`
//! writes them into `docs/interfaces/index.json`, from which the JS kit
//! (`clients/js`, generated registry) and the interop suite read them.
//! Plain constants: available without the `sdk` feature.

/// Defines each limit as a `pub const` and lists them all, by name, in
/// [`ALL`], so the list cannot miss one.
macro_rules! limits {
    ($($(#[$doc:meta])* $name:ident = $value:expr;)*) => {
        $($(#[$doc])* pub const $name: u32 = $value;)*

        /// Every limit by name, for the generated `docs/interfaces/index.json`.
        pub const ALL: &[(&str, u32)] = &[$((stringify!($name), $name)),*];
    };
}

limits! {
    /// Ledgers per day at 5 s per ledger.
    DAY_IN_LEDGERS = 17_280;

    /// How long a processed request id is remembered (temporary storage): one
    /// day, the network's minimum lifetime for a temporary entry, so the rent is
    /// the least the network charges.
    REQUEST_ID_TTL = DAY_IN_LEDGERS;

    /// How far ahead of the current ledger a deduct's `valid_until_ledger` may
    /// lie (one hour). A request is refused once its `valid_until_ledger` has
    /// passed, and its id is kept for [`REQUEST_ID_TTL`] ledgers from processing,
    /// so an id outlives every ledger at which a retry of its request could still
    /// be accepted by at least `REQUEST_ID_TTL - MAX_REQUEST_VALIDITY` ledgers
    /// (23 hours): a retry can never charge twice, and for 23 hours after
    /// `valid_until_ledger` `is_request_processed` answers definitively.
    MAX_REQUEST_VALIDITY = DAY_IN_LEDGERS / 24;

    /// Vault: longest accepted `request_id`, in bytes.
    MAX_REQUEST_ID_LEN = 64;
    /// Vault: most items in one `batch_deduct` (proven to fit mainnet limits by
    /// a test on the built WASM); the admin may set a lower `max_batch`.
    MAX_BATCH_DEDUCT = 100;
    /// Vault: most distinct developers one `batch_deduct` credits (the pool not
    /// counted): each costs a `developer_credited` event and, when new, three
    /// settlement ledger entries. With 20, a full batch of 64-byte request ids
    /// emitted 16,520 event bytes, over mainnet's 16,384; 10 keeps the largest
    /// batch within every mainnet limit (a test on the built WASM proves it).
    MAX_BATCH_DEVELOPERS = 10;
    /// Vault: longest accepted offering id, in bytes.
    MAX_OFFERING_ID_LEN = 64;
    /// Vault: longest accepted offering metadata (an IPFS CID or URI), in bytes.
    MAX_METADATA_LEN = 256;
    /// Vault: longest spend-limit period, in ledgers (one year).
    MAX_SPEND_PERIOD = 365 * DAY_IN_LEDGERS;

    /// Settlement: most credits in one `receive_payments`.
    MAX_BATCH_CREDITS = 100;
    /// Settlement: most predecessor balances one `import_balances` call reads
    /// (import larger sets in pages).
    MAX_IMPORT = 50;
    /// Settlement: largest page of `get_developer_balances`.
    MAX_PAGE_SIZE = 100;

    /// Revenue pool: most payments in one `batch_distribute`.
    MAX_BATCH_DISTRIBUTE = 30;

    /// Longest an admin proposal may stay open (30 days).
    MAX_HANDOVER_LEDGERS = 30 * DAY_IN_LEDGERS;
}
