//! The phone page's TypeScript types (`ui/phone/src/roomTypes.ts`) are generated from the
//! room's wire types; this test fails when the committed file differs.
//! Refresh it with: `UPDATE_BINDINGS=1 cargo test -p lodestar-room --test phone_types`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use lodestar_core::room::PhoneView;
use lodestar_core::{Refusal, RefusalCode};
use lodestar_room::{
    BallotRequest, ClaimRequest, Ended, IdeaRequest, JoinRequest, Joined, Welcome,
};
use specta_typescript::Typescript;

const HEADER: &str = "// Generated from the room server's wire types. Do not edit by hand:\n\
                      // run `UPDATE_BINDINGS=1 cargo test -p lodestar-room --test phone_types`.\n";

#[test]
fn the_committed_phone_types_match_the_room_api() {
    let types = specta::Types::default()
        .register::<JoinRequest>()
        .register::<Joined>()
        .register::<Welcome>()
        .register::<ClaimRequest>()
        .register::<BallotRequest>()
        .register::<IdeaRequest>()
        .register::<Ended>()
        .register::<PhoneView>()
        .register::<Refusal>()
        .register::<RefusalCode>();
    let fresh = Typescript::default()
        .header(HEADER)
        .export(&types, specta_serde::Format)
        .expect("phone types export");
    let committed_path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../ui/phone/src/roomTypes.ts");
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        std::fs::create_dir_all(committed_path.parent().unwrap()).unwrap();
        std::fs::write(&committed_path, &fresh).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&committed_path).unwrap_or_default();
    assert!(
        committed == fresh,
        "ui/phone/src/roomTypes.ts is stale: run `UPDATE_BINDINGS=1 cargo test -p lodestar-room \
         --test phone_types` and commit the result"
    );
}
