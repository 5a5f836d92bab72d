// The step's timebox: a visible countdown with start, pause, reset and +5 min. The stored
// timer is "elapsed so far + running since", so it keeps counting across a restart.
import { useEffect, useRef, useState } from "react";
import { call } from "../api";
import { commands, type Step, type StepTimer, type TimerAction } from "../bindings";
import { useWorkshop } from "./WorkshopContext";

const FIVE_MINUTES = 5 * 60_000;

export function remainingMs(timer: StepTimer, now: number): number {
  const running = timer.runningSince == null ? 0 : Math.max(0, now - timer.runningSince);
  return timer.durationMs - timer.elapsedMs - running;
}

export function formatClock(ms: number): string {
  const overtime = ms < 0;
  const total = Math.floor(Math.abs(ms) / 1000);
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return `${overtime ? "+" : ""}${minutes}:${seconds.toString().padStart(2, "0")}`;
}

/** A soft two-note chime made on the spot: no sound file, no network. */
function chime() {
  try {
    const audio = new AudioContext();
    [660, 880].forEach((frequency, index) => {
      const tone = audio.createOscillator();
      const gain = audio.createGain();
      tone.frequency.value = frequency;
      gain.gain.setValueAtTime(0.0001, audio.currentTime + index * 0.35);
      gain.gain.exponentialRampToValueAtTime(0.15, audio.currentTime + index * 0.35 + 0.05);
      gain.gain.exponentialRampToValueAtTime(0.0001, audio.currentTime + index * 0.35 + 0.6);
      tone.connect(gain).connect(audio.destination);
      tone.start(audio.currentTime + index * 0.35);
      tone.stop(audio.currentTime + index * 0.35 + 0.65);
    });
  } catch {
    // No audio device: the visual signal is enough.
  }
}

export function StepTimerControl({ step }: { step: Step }) {
  const { data, act } = useWorkshop();
  const timer = data.timers.find((t) => t.step === step);
  const [now, setNow] = useState(() => Date.now());
  const running = timer?.runningSince != null;
  const signalled = useRef(false);

  useEffect(() => {
    if (!running) return;
    const tick = window.setInterval(() => setNow(Date.now()), 500);
    return () => window.clearInterval(tick);
  }, [running]);

  // A stopped timer does not depend on the clock, so `now` may be stale there.
  const left = timer ? remainingMs(timer, now) : 0;
  const over = left <= 0;
  useEffect(() => {
    if (running && over && !signalled.current) {
      signalled.current = true;
      chime();
    }
    if (!over) signalled.current = false;
  }, [running, over]);

  if (!timer) return null;
  const send = (action: TimerAction) => act(() => call(commands.updateTimer(data.workshop.id, step, action)));

  return (
    <div className={`timer${over ? " timer--over" : ""}${running ? " timer--running" : ""}`} data-testid="step-timer" role="timer" aria-live="off">
      <span className="timer__clock" data-testid="timer-clock" title={over ? "The timebox is over" : "Time left in this step"}>
        {formatClock(left)}
      </span>
      {running ? (
        <button className="button button--ghost button--small" data-testid="timer-pause" onClick={() => void send({ kind: "pause" })}>
          Pause
        </button>
      ) : (
        <button className="button button--ghost button--small" data-testid="timer-start" onClick={() => void send({ kind: "start" })}>
          Start
        </button>
      )}
      <button className="button button--ghost button--small" data-testid="timer-extend" title="Add five minutes" onClick={() => void send({ kind: "extend", extraMs: FIVE_MINUTES })}>
        +5 min
      </button>
      <button className="button button--ghost button--small" data-testid="timer-reset" title="Back to the full timebox" onClick={() => void send({ kind: "reset" })}>
        Reset
      </button>
    </div>
  );
}
