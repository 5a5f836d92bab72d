//! `lodestar room` serves the room headless and prints the join link (loopback only here).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Command, Stdio};

#[test]
fn the_room_command_prints_a_join_link_that_answers_on_its_address() {
    let dir = tempfile::tempdir().unwrap();
    let lodestar = env!("CARGO_BIN_EXE_lodestar");
    let example = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../assets/example/harbour-foods.lodestar.json"
    );
    let imported = Command::new(lodestar)
        .args([
            "--data-dir",
            dir.path().to_str().unwrap(),
            "import",
            example,
        ])
        .output()
        .unwrap();
    assert!(imported.status.success());
    let id = String::from_utf8(imported.stdout)
        .unwrap()
        .trim()
        .to_string();

    let mut room = Command::new(lodestar)
        .args([
            "--data-dir",
            dir.path().to_str().unwrap(),
            "room",
            &id,
            "--bind",
            "127.0.0.1:0",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(room.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let link = line.trim();
    let host = link
        .strip_prefix("http://")
        .and_then(|rest| rest.split('/').next())
        .unwrap()
        .to_string();
    assert!(host.starts_with("127.0.0.1:"), "{link}");
    let secret = link.split("#join=").nth(1).unwrap();
    assert_eq!(secret.len(), 32, "a 128-bit secret in the link");

    let mut stream = TcpStream::connect(&host).unwrap();
    write!(
        stream,
        "GET /api/ping HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut reply = String::new();
    stream.read_to_string(&mut reply).unwrap();
    room.kill().unwrap();
    let _ = room.wait();
    assert!(reply.starts_with("HTTP/1.1 200"), "{reply}");
    assert!(reply.contains("lodestar room"));
}

#[test]
fn the_room_command_refuses_a_workshop_that_does_not_exist() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_lodestar"))
        .args([
            "--data-dir",
            dir.path().to_str().unwrap(),
            "room",
            "nope",
            "--bind",
            "127.0.0.1:0",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(4), "not found");
}
