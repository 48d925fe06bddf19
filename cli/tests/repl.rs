//! The REPL driven through a pseudo-terminal, as a person would use it.

use rexpect::session::spawn_command;
use std::process::Command;

#[test]
fn the_prompt_edits_echoes_continues_interrupts_and_exits() {
    let cmd = Command::new(env!("CARGO_BIN_EXE_emberpy"));
    let mut p = spawn_command(cmd, Some(20_000)).expect("spawn emberpy");
    p.exp_string(">>> ").unwrap();
    p.send_line("x = 6").unwrap();
    p.exp_string(">>> ").unwrap();
    p.send_line("x * 7").unwrap();
    p.exp_string("\r\n42\r\n").unwrap();
    // A block continues with `...` until an empty line.
    p.send_line("def f(n):").unwrap();
    p.exp_string("... ").unwrap();
    p.send_line("    return n + 1").unwrap();
    p.exp_string("... ").unwrap();
    p.send_line("").unwrap();
    p.exp_string(">>> ").unwrap();
    p.send_line("f(x)").unwrap();
    p.exp_string("\r\n7\r\n").unwrap();
    // A traceback does not end the session.
    p.send_line("1 / 0").unwrap();
    p.exp_string("ZeroDivisionError: division by zero").unwrap();
    p.exp_string(">>> ").unwrap();
    // History: the up arrow brings back `1 / 0`, twice up `f(x)`.
    p.send("\x1b[A\x1b[A").unwrap();
    p.send_line("").unwrap();
    p.exp_string("\r\n7\r\n").unwrap();
    p.exp_string(">>> ").unwrap();
    // Ctrl-C interrupts a running entry; a sleeping child of that entry is
    // cancelled with it, and the prompt comes back.
    p.send_line("import _thread, time").unwrap();
    p.exp_string(">>> ").unwrap();
    p.send_line("_thread.start_new_thread(time.sleep, (100,)); time.sleep(100)")
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(300));
    p.send_control('c').unwrap();
    p.exp_string("KeyboardInterrupt").unwrap();
    p.exp_string(">>> ").unwrap();
    p.send_line("_thread._count()").unwrap();
    p.exp_string("\r\n0\r\n").unwrap();
    p.exp_string(">>> ").unwrap();
    // Ctrl-C at the prompt drops the line.
    p.send("unfinished").unwrap();
    p.send_control('c').unwrap();
    p.exp_string("KeyboardInterrupt").unwrap();
    p.exp_string(">>> ").unwrap();
    // Ctrl-D leaves.
    p.send_control('d').unwrap();
    p.exp_eof().unwrap();
}
