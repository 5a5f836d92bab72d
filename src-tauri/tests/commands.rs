//! The command layer on Tauri's mock runtime: real commands, real store on a temp folder,
//! called through IPC exactly as the UI calls them.

// Test helpers panic on purpose: a failed setup must fail the test loudly.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;

use lodestar_app::dialogs::FilePicker;
use lodestar_app::{install, with_commands, AppState};
use serde_json::{json, Value};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{get_ipc_response, mock_builder, mock_context, noop_assets, MockRuntime};
use tauri::webview::InvokeRequest;
use tauri::{Listener, WebviewWindow, WebviewWindowBuilder};

struct Harness {
    _dir: tempfile::TempDir,
    /// Stands in for the native file dialogs: saves land here, imports pick from here.
    dialog: tempfile::TempDir,
    _app: tauri::App<MockRuntime>,
    window: WebviewWindow<MockRuntime>,
}

fn harness() -> Harness {
    let dir = tempfile::tempdir().unwrap();
    start(dir)
}

/// Builds the app on the mock runtime over the data folder `dir`, as `run()` does for real.
fn start(dir: tempfile::TempDir) -> Harness {
    let dialog = tempfile::tempdir().unwrap();
    let folder = dialog.path().to_path_buf();
    start_with(dir, dialog, folder)
}

/// The app over `dir`, whose stand-in dialog always answers `answer`.
fn start_with(dir: tempfile::TempDir, dialog: tempfile::TempDir, answer: PathBuf) -> Harness {
    let app = with_commands(mock_builder())
        .build(mock_context(noop_assets()))
        .unwrap();
    let state =
        AppState::open(Some(dir.path().to_path_buf())).with_file_picker(FilePicker::Folder(answer));
    install(&app, state);
    let window = WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .unwrap();
    Harness {
        _dir: dir,
        dialog,
        _app: app,
        window,
    }
}

/// The arguments of `create_workshop`: the UI always sends whole inputs.
fn workshop(title: &str) -> Value {
    json!({"input": {"title": title, "organisation": "", "date": "", "facilitator": ""}})
}

impl Harness {
    /// A harness whose stand-in dialog always answers `folder`.
    fn with_dialog_folder(folder: PathBuf) -> Harness {
        start_with(
            tempfile::tempdir().unwrap(),
            tempfile::tempdir().unwrap(),
            folder,
        )
    }

    fn call(&self, cmd: &str, args: Value) -> Result<Value, Value> {
        let request = InvokeRequest {
            cmd: cmd.into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            url: "tauri://localhost".parse().unwrap(),
            body: InvokeBody::Json(args),
            headers: Default::default(),
            invoke_key: tauri::test::INVOKE_KEY.to_string(),
        };
        get_ipc_response(&self.window, request).map(|body| body.deserialize::<Value>().unwrap())
    }
}

#[test]
fn creating_a_workshop_returns_it_and_lists_it() {
    let h = harness();
    let created = h
        .call(
            "create_workshop",
            json!({"input": {"title": "Kick-off", "organisation": "Acme", "date": "", "facilitator": ""}}),
        )
        .unwrap();
    assert_eq!(created["title"], "Kick-off");
    assert_eq!(created["currentStep"], "stakeholders");
    let listed = h.call("list_workshops", json!({})).unwrap();
    assert_eq!(listed.as_array().unwrap().len(), 1);
    assert_eq!(listed[0]["id"], created["id"]);
}

#[test]
fn an_empty_title_comes_back_as_a_typed_invalid_error_naming_the_field() {
    let h = harness();
    let err = h.call("create_workshop", workshop("  ")).unwrap_err();
    assert_eq!(
        err,
        json!({"code": "empty", "field": ["title"], "message": "must not be empty"})
    );
}

#[test]
fn a_missing_workshop_comes_back_as_not_found() {
    let h = harness();
    let err = h
        .call("get_workshop", json!({"id": "missing"}))
        .unwrap_err();
    assert_eq!(err["code"], "notFound");
    assert!(
        err["message"].as_str().unwrap().contains("workshop"),
        "{err}"
    );
}

#[test]
fn rename_then_undo_and_redo_through_the_commands() {
    let h = harness();
    let w = h.call("create_workshop", workshop("Old")).unwrap();
    let id = w["id"].as_str().unwrap();
    let scope = json!({"kind": "library"});
    h.call(
        "rename_workshop",
        json!({"scope": scope, "id": id, "title": "New"}),
    )
    .unwrap();

    let outcome = h.call("undo", json!({"scope": scope})).unwrap();
    assert_eq!(outcome["label"], "rename workshop to “New”");
    assert_eq!(outcome["state"]["redoLabel"], "rename workshop to “New”");
    assert_eq!(
        h.call("get_workshop", json!({"id": id})).unwrap()["title"],
        "Old"
    );

    h.call("redo", json!({"scope": scope})).unwrap();
    assert_eq!(
        h.call("get_workshop", json!({"id": id})).unwrap()["title"],
        "New"
    );
}

#[test]
fn the_current_step_is_changed_and_undone_in_the_workshop_scope() {
    let h = harness();
    let w = h.call("create_workshop", workshop("Steps")).unwrap();
    let id = w["id"].as_str().unwrap();
    let moved = h
        .call("set_current_step", json!({"id": id, "step": "report"}))
        .unwrap();
    assert_eq!(moved["currentStep"], "report");
    let state = h
        .call(
            "history_state",
            json!({"scope": {"kind": "workshop", "id": id}}),
        )
        .unwrap();
    assert_eq!(state["undoLabel"], "go to Report");
    let err = h
        .call("set_current_step", json!({"id": id, "step": "nowhere"}))
        .unwrap_err();
    assert!(
        err.as_str().unwrap_or_default().contains("step"),
        "bad step is refused: {err}"
    );
}

#[test]
fn deleting_announces_a_typed_data_changed_event() {
    let h = harness();
    let w = h.call("create_workshop", workshop("Gone")).unwrap();
    let (tx, rx) = std::sync::mpsc::channel::<String>();
    h.window.listen_any("data-changed", move |event| {
        let _ = tx.send(event.payload().to_string());
    });
    h.call("delete_workshop", json!({"id": w["id"]})).unwrap();
    let payload: Value = serde_json::from_str(&rx.recv().unwrap()).unwrap();
    assert_eq!(payload["scope"], json!({"kind": "library"}));
    assert_eq!(payload["workshopId"], w["id"]);
    assert_eq!(h.call("list_workshops", json!({})).unwrap(), json!([]));
}

#[test]
fn a_database_from_a_newer_version_is_reported_not_touched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(lodestar_store::DATABASE_FILE_NAME);
    rusqlite::Connection::open(&path)
        .unwrap()
        .execute_batch("PRAGMA user_version = 99;")
        .unwrap();
    let h = start(dir);

    let info = h.call("app_info", json!({})).unwrap();
    assert!(info["startupError"]
        .as_str()
        .unwrap()
        .contains("newer version of Lodestar"));
    let err = h.call("list_workshops", json!({})).unwrap_err();
    assert_eq!(err["code"], "storeFromNewerVersion");
}

#[test]
fn a_stakeholder_added_through_ipc_shows_up_in_the_workshop_data() {
    let h = harness();
    let w = h.call("create_workshop", workshop("People")).unwrap();
    let person = json!({"name": "Ana", "role": "", "function": "", "influence": 4, "interest": 2,
                        "stance": "supportive", "present": true, "colour": ""});
    let added = h
        .call(
            "add_stakeholder",
            json!({"workshopId": w["id"], "input": person}),
        )
        .unwrap();
    assert_eq!(added["initials"], "A");
    assert_eq!(added["quadrant"], "keep_satisfied");
    let data = h.call("get_workshop_data", json!({"id": w["id"]})).unwrap();
    assert_eq!(data["stakeholders"][0]["details"]["name"], "Ana");
    let categories_gate = data["gates"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["step"] == "categories");
    assert_eq!(
        categories_gate.unwrap()["gate"]["open"],
        true,
        "one person opens step 2"
    );
}

#[test]
fn moving_forward_past_a_closed_gate_is_refused_with_the_reason() {
    let h = harness();
    let w = h.call("create_workshop", workshop("Gated")).unwrap();
    let err = h
        .call("set_current_step", json!({"id": w["id"], "step": "vote"}))
        .unwrap_err();
    assert_eq!(err["code"], "stepLocked");
    assert_eq!(err["field"], json!(["step"]));
    assert!(
        err["message"].as_str().unwrap().contains("agreed needs"),
        "{err}"
    );
}

#[test]
fn a_ballot_for_someone_outside_the_workshop_is_refused_by_name() {
    let h = harness();
    let w = h.call("create_workshop", workshop("Vote")).unwrap();
    let err = h
        .call(
            "cast_ballot",
            json!({"workshopId": w["id"], "voteId": "nope", "voterId": "x",
                   "ballot": {"kind": "dot", "allocations": []}, "proxy": false}),
        )
        .unwrap_err();
    assert_eq!(err["code"], "notFound");
    assert!(err["message"].as_str().unwrap().contains("vote"), "{err}");
}

#[test]
fn a_workshop_exported_to_a_file_imports_back_as_a_second_workshop() {
    let h = harness();
    let w = h.call("create_workshop", workshop("Round trip")).unwrap();
    let saved = h
        .call("export_workshop_json", json!({"id": w["id"]}))
        .unwrap();
    assert_eq!(saved["name"], "Round-trip.json", "named after the workshop");
    assert!(h.dialog.path().join("Round-trip.json").exists());
    let copy = h.call("import_workshop_json", json!({})).unwrap();
    assert_eq!(copy["title"], "Round trip");
    assert_ne!(copy["id"], w["id"], "an import never overwrites");
    assert_eq!(
        h.call("list_workshops", json!({}))
            .unwrap()
            .as_array()
            .unwrap()
            .len(),
        2
    );
}

#[test]
fn a_bad_file_is_refused_with_its_json_path_and_nothing_is_imported() {
    let h = harness();
    let path = h.dialog.path().join("bad.json");
    std::fs::write(&path, r#"{"format":"lodestar.workshop","version":1,"workshop":{"id":"w","title":"","currentStep":"vote","createdAt":1,"updatedAt":1}}"#).unwrap();
    let err = h.call("import_workshop_json", json!({})).unwrap_err();
    assert_eq!(
        err,
        json!({"code": "fileInvalid", "field": ["workshop", "title"], "message": "must not be empty"})
    );
    assert_eq!(h.call("list_workshops", json!({})).unwrap(), json!([]));
}

#[test]
fn the_example_workshop_opens_with_every_step_so_far_filled_in() {
    let h = harness();
    let example = h.call("open_example", json!({})).unwrap();
    let data = h
        .call("get_workshop_data", json!({"id": example["id"]}))
        .unwrap();
    assert_eq!(data["stakeholders"].as_array().unwrap().len(), 6);
    assert_eq!(data["categories"].as_array().unwrap().len(), 3);
    assert_eq!(data["needs"].as_array().unwrap().len(), 4);
    assert_eq!(
        data["focus"]["resolvedBy"], "runoff",
        "the example shows a tie settled by a run-off"
    );
    let again = h.call("open_example", json!({})).unwrap();
    assert_ne!(again["id"], example["id"], "each opening is a fresh copy");
}

#[test]
fn the_pdf_report_is_written_where_asked() {
    let h = harness();
    let example = h.call("open_example", json!({})).unwrap();
    let saved = h
        .call(
            "export_workshop_pdf",
            json!({"id": example["id"], "paper": "a4"}),
        )
        .unwrap();
    let path = h.dialog.path().join(saved["name"].as_str().unwrap());
    assert!(std::fs::read(&path).unwrap().starts_with(b"%PDF"));

    // A folder that cannot be written is refused with the place named, nothing half-written.
    let blocked = h.dialog.path().join("blocked");
    std::fs::write(&blocked, b"a file, not a folder").unwrap();
    let h2 = Harness::with_dialog_folder(blocked.clone());
    let example = h2.call("open_example", json!({})).unwrap();
    let err = h2
        .call(
            "export_workshop_pdf",
            json!({"id": example["id"], "paper": "a4"}),
        )
        .unwrap_err();
    assert_eq!(err["code"], "writeFailed");
    assert!(
        err["message"].as_str().unwrap().contains("blocked"),
        "{err}"
    );
}

fn sticky(text: &str, x: f64) -> Value {
    json!({"kind": "create", "item": {
        "kind": "sticky", "x": x, "y": 0.0, "width": 180.0, "height": 120.0, "parentFrame": null,
        "content": {"text": text, "colour": "yellow", "authorId": null,
                    "tags": {"outcomeOrOutput": null, "leadingOrLagging": null},
                    "linkedCategory": null, "linkedNeed": null, "checklist": {"met": []}}
    }})
}

#[test]
fn the_canvas_north_star_and_actions_go_through_the_commands_and_canvas_actions_undo() {
    let h = harness();
    let w = h.call("create_workshop", workshop("Canvas")).unwrap();
    let id = w["id"].as_str().unwrap();
    let created = h
        .call(
            "apply_canvas_ops",
            json!({"workshopId": id, "ops": [sticky("Weekly active teams", 0.0), sticky("Plans shared", 300.0)]}),
        )
        .unwrap();
    let upserts = created["upserts"].as_array().unwrap();
    assert_eq!(upserts.len(), 2);
    let (star, input) = (upserts[0]["id"].clone(), upserts[1]["id"].clone());
    h.call(
        "apply_canvas_ops",
        json!({"workshopId": id, "ops": [{"kind": "link", "from": input, "to": star, "label": "drives"}]}),
    )
    .unwrap();
    let scene =
        |h: &Harness| h.call("get_workshop_data", json!({"id": id})).unwrap()["canvas"].clone();
    assert_eq!(scene(&h)["links"].as_array().unwrap().len(), 1);

    // One Ctrl+Z takes back the link, not the stickies.
    let scope = json!({"kind": "workshop", "id": id});
    let undone = h.call("undo", json!({"scope": scope})).unwrap();
    assert!(
        undone["label"].as_str().unwrap().contains("link"),
        "{undone}"
    );
    assert_eq!(scene(&h)["links"], json!([]));
    assert_eq!(scene(&h)["items"].as_array().unwrap().len(), 2);

    let definition = json!({
        "itemId": star, "name": "Weekly active teams", "counted": "teams that shared a plan",
        "unit": "teams", "currentValue": "", "target": "500", "timeFrame": "by June"
    });
    h.call(
        "set_north_star",
        json!({"workshopId": id, "definition": definition,
               "inputs": [{"itemId": input, "name": "Plans shared", "owner": "Product"}]}),
    )
    .unwrap();
    let mut missing = definition.clone();
    missing["itemId"] = json!("no-such-sticky");
    let err = h
        .call(
            "set_north_star",
            json!({"workshopId": id, "definition": missing, "inputs": []}),
        )
        .unwrap_err();
    assert_eq!(err["code"], "unknownReference", "{err}");
    assert_eq!(err["field"], json!(["itemId"]), "{err}");

    h.call(
        "add_action",
        json!({"workshopId": id, "input": {"what": "Pull the baseline", "owner": "Data team", "due": "2027-01-15"}}),
    )
    .unwrap();
    let data = h.call("get_workshop_data", json!({"id": id})).unwrap();
    assert_eq!(
        data["northStar"]["definition"]["name"],
        "Weekly active teams"
    );
    assert_eq!(data["northStar"]["inputs"][0]["owner"], "Product");
    assert_eq!(data["actions"][0]["details"]["what"], "Pull the baseline");
    let err = h
        .call(
            "add_action",
            json!({"workshopId": id, "input": {"what": "  ", "owner": "Data team", "due": ""}}),
        )
        .unwrap_err();
    assert_eq!(err["code"], "empty", "{err}");
}

#[test]
fn the_canvas_picture_is_written_as_png_or_svg_and_a_bad_view_is_refused() {
    let h = harness();
    let example = h.call("open_example", json!({})).unwrap();
    let png = h.dialog.path().join("north-star-canvas.png");
    h.call(
        "export_canvas_picture",
        json!({"workshopId": example["id"], "format": "png", "view": null}),
    )
    .unwrap();
    assert!(std::fs::read(&png)
        .unwrap()
        .starts_with(b"\x89PNG\r\n\x1a\n"));

    let svg = h.dialog.path().join("north-star-canvas.svg");
    h.call(
        "export_canvas_picture",
        json!({"workshopId": example["id"], "format": "svg",
               "view": {"x": 0.0, "y": 0.0, "width": 640.0, "height": 400.0}}),
    )
    .unwrap();
    let text = std::fs::read_to_string(&svg).unwrap();
    assert!(
        text.contains("viewBox=\"0 0 640 464\""),
        "the view plus the question band: {}",
        &text[..200]
    );

    std::fs::remove_file(&svg).unwrap();
    let err = h
        .call(
            "export_canvas_picture",
            json!({"workshopId": example["id"], "format": "svg",
                   "view": {"x": 0.0, "y": 0.0, "width": 0.0, "height": 400.0}}),
        )
        .unwrap_err();
    assert_eq!(err["code"], "outOfRange");
    assert_eq!(err["field"], json!(["view"]));
    assert!(!svg.exists(), "nothing is written for a refused view");
}

#[test]
fn only_files_the_app_saved_can_be_opened_in_the_system_viewer() {
    let h = harness();
    for token in ["/etc/passwd", "https://example.org", "not-a-token"] {
        let err = h
            .call("open_saved_file", json!({"token": token}))
            .unwrap_err();
        assert_eq!(err["code"], "notFound", "{token}: {err}");
    }
}

#[test]
fn cancelling_the_import_dialog_imports_nothing() {
    let h = harness();
    // The stand-in dialog's folder holds no workshop file: like pressing Cancel.
    assert_eq!(
        h.call("import_workshop_json", json!({})).unwrap(),
        Value::Null
    );
    assert_eq!(h.call("list_workshops", json!({})).unwrap(), json!([]));
}
