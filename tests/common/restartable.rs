//! A dev server and worker of a test's own that can be killed and
//! restarted (tests/harness/devenv.py's `kill` and `start` commands).

use super::{connect_with, new_runtime, python, repo_root, unique_id, Conn};
use serde_json::{json, Value};
use std::{
    io::{BufRead, BufReader, Write},
    process::{Child, ChildStdin, Command, Stdio},
    sync::mpsc,
    time::Duration,
};

/// A dev server plus worker of its own that can be killed (`kill -9`) and
/// started again on the same port: persisted in a SQLite file
/// ([`Restartable::start`]), or in memory, so that a restart starts afresh
/// ([`Restartable::in_memory`]).
pub struct Restartable {
    child: Child,
    stdin: ChildStdin,
    events: mpsc::Receiver<Value>,
    /// `host:port` of the server, the same across restarts.
    pub address: String,
    /// The task queue its worker polls.
    pub task_queue: String,
    dir: std::path::PathBuf,
}

impl Restartable {
    /// A server persisted in a SQLite file: a restart keeps its state.
    pub fn start() -> Restartable {
        Restartable::spawn(true)
    }

    /// A server in memory: a restart starts with an empty one.
    pub fn in_memory() -> Restartable {
        Restartable::spawn(false)
    }

    fn spawn(persistent: bool) -> Restartable {
        let dir = std::env::temp_dir().join(unique_id("tc-restartable"));
        std::fs::create_dir_all(&dir).unwrap();
        let task_queue = unique_id("restartable");
        let mut command = Command::new(python());
        command.arg(repo_root().join("tests/harness/devenv.py"));
        if persistent {
            command.arg("--db-filename").arg(dir.join("temporal.db"));
        }
        let mut child = command
            .args(["--task-queue", &task_queue])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .expect("start tests/harness/devenv.py");
        let stdin = child.stdin.take().unwrap();
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        let first = lines.next().expect("devenv line").expect("read devenv");
        let info: Value = serde_json::from_str(&first).expect("devenv JSON");
        let (tx, events) = mpsc::channel();
        std::thread::spawn(move || {
            for line in lines.map_while(Result::ok) {
                let Ok(event) = serde_json::from_str::<Value>(&line) else {
                    eprintln!("devenv stdout: {line}");
                    continue;
                };
                if tx.send(event).is_err() {
                    break;
                }
            }
        });
        Restartable {
            child,
            stdin,
            events,
            address: info["address"].as_str().unwrap().to_owned(),
            task_queue,
            dir,
        }
    }

    fn command(&mut self, command: &str, answer: &str) {
        writeln!(self.stdin, "{command}").unwrap();
        self.stdin.flush().unwrap();
        let event = self
            .events
            .recv_timeout(Duration::from_secs(90))
            .unwrap_or_else(|_| panic!("devenv did not answer {command}"));
        assert_eq!(event["event"], answer, "{event}");
    }

    /// `kill -9` of the server; returns once it is dead.
    pub fn kill(&mut self) {
        self.command("kill", "killed");
    }

    /// Starts the server again on the same port (and database, if
    /// persistent); returns once it serves the namespace.
    pub fn restart(&mut self) {
        self.command("start", "started");
    }

    /// A new runtime and a client of this server with the connect options
    /// `extra` added.
    pub fn connect(&self, extra: Value) -> Conn {
        let runtime = new_runtime();
        let mut options = json!({"address": self.address});
        options
            .as_object_mut()
            .unwrap()
            .extend(extra.as_object().unwrap().clone());
        let (client, reply) = connect_with(runtime, &options);
        reply.ok();
        Conn { runtime, client }
    }
}

impl Drop for Restartable {
    fn drop(&mut self) {
        let _ = self.stdin.write_all(b"");
        let _ = self.child.kill();
        let _ = self.child.wait();
        std::fs::remove_dir_all(&self.dir).ok();
    }
}
