// The app's frame: start-up checks, then the home screen or an open workshop.
import { useCallback, useEffect, useState } from "react";
import { commands, type AppInfo } from "./bindings";
import { messageOf } from "./api";
import { StatusProvider, Toasts } from "./common/status";
import { HomeScreen } from "./home/HomeScreen";
import { WorkshopScreen } from "./workshop/WorkshopScreen";

export function App() {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const close = useCallback(() => setOpenId(null), []);

  useEffect(() => {
    commands.appInfo().then(setInfo, (thrown) => setFailure(messageOf(thrown)));
  }, []);

  const startupError = failure ?? info?.startupError ?? null;
  if (startupError) {
    return (
      <main className="fatal" role="alert" data-testid="startup-error">
        <h1>Lodestar could not open its data</h1>
        <p>{startupError}</p>
        {info?.dataDir && <p className="muted">Data folder: {info.dataDir}</p>}
        <p className="muted">Nothing was changed. Close Lodestar, fix the problem above, and start it again.</p>
      </main>
    );
  }
  if (!info) return null;

  return (
    <StatusProvider>
      {openId ? <WorkshopScreen id={openId} onClose={close} /> : <HomeScreen onOpen={setOpenId} />}
      <Toasts />
    </StatusProvider>
  );
}
