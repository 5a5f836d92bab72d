// Throwing a vote away (every round, ballot and any decision it made), after a confirmation.
import { useState } from "react";
import { call } from "../../api";
import { commands } from "../../bindings";
import { ConfirmDialog } from "../../common/Dialog";
import { useWorkshop } from "../../workshop/WorkshopContext";
import { useVoteWords } from "./voteWords";

export function DiscardVote({ rootId, label = "Discard the vote" }: { rootId: string; label?: string }) {
  const { data, act } = useWorkshop();
  const words = useVoteWords();
  const [confirming, setConfirming] = useState(false);
  return (
    <>
      <button type="button" className="button button--ghost button--danger-text" data-testid="vote-discard" onClick={() => setConfirming(true)}>
        {label}
      </button>
      <ConfirmDialog
        title="Discard the vote?"
        message={`Every round and ballot of this vote is thrown away, with any ${words.chosen} it chose, and the room can vote again. Undo brings it back.`}
        confirmLabel="Discard the vote"
        open={confirming}
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          void act(() => call(commands.discardVote(data.workshop.id, rootId)));
        }}
      />
    </>
  );
}
