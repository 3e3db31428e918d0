//! The built, optimized WASMs in `artifacts/` on the in-process host (run
//! `./scripts/build.sh` first; `./scripts/test.sh` does):
//!
//! * [`wasm`] — the built contracts and the frozen previous versions;
//! * [`world`] — a deployed system (USDC as a Stellar Asset Contract);
//! * [`rehearsal`] — the operator's no-network rehearsal (`rehearse` binary);
//! * tests of everything metered, cross-contract, upgrade- or wire-format
//!   related.

pub mod bench;
pub mod rehearsal;
pub mod scale;
pub mod signing;
pub mod wasm;
pub mod world;

#[cfg(test)]
mod adversarial_token;
#[cfg(test)]
mod archival;
#[cfg(test)]
mod attack;
#[cfg(test)]
mod auth_matrix;
#[cfg(test)]
mod backfill;
#[cfg(test)]
mod bad_input;
#[cfg(test)]
mod batch_review;
#[cfg(test)]
mod end_to_end;
#[cfg(test)]
mod events;
#[cfg(test)]
mod limits;
#[cfg(test)]
mod multisig;
#[cfg(test)]
mod properties;
#[cfg(test)]
mod review;
#[cfg(test)]
mod upgrade;
