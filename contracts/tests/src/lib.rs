//! End-to-end tests against the **built, optimized WASMs** in `artifacts/`
//! (run `./scripts/build.sh` first; `./scripts/test.sh` does). Everything
//! metered, cross-contract or wire-format related is tested here.
#![cfg(test)]

pub mod wasm;
pub mod world;

mod end_to_end;
mod limits;
mod upgrade;
