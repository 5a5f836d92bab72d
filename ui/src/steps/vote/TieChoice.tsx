// A tie for first place is never settled silently: a run-off among the tied needs, or the
// facilitator picks one, recorded as their decision.
import { useState } from "react";
import { call } from "../../api";
import { commands, type Vote } from "../../bindings";
import { Dialog } from "../../common/Dialog";
import { useWorkshop } from "../../workshop/WorkshopContext";
import { refusal } from "./voteModel";
import { useVoteWords } from "./voteWords";

interface TieProps {
  vote: Vote;
  tiedIds: string[];
  statementOf: (id: string) => string;
}

export function TieChoice({ vote, tiedIds, statementOf }: TieProps) {
  const { data, act, actOrThrow } = useWorkshop();
  const words = useVoteWords();
  const [deciding, setDeciding] = useState(false);
  const [picked, setPicked] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const workshopId = data.workshop.id;

  const close = () => {
    setDeciding(false);
    setPicked(null);
    setError(null);
  };
  const confirm = async () => {
    if (!picked) return;
    try {
      await actOrThrow(() => call(commands.decideVote(workshopId, vote.id, picked)));
      close();
    } catch (thrown) {
      setError(refusal(thrown));
    }
  };

  return (
    <div className="tie callout" data-testid="vote-tie">
      <h3 className="tie__title">A tie for first place</h3>
      <ul className="tie__needs">
        {tiedIds.map((id) => <li key={id} data-testid="tied-need">{statementOf(id)}</li>)}
      </ul>
      <p className="muted">Hold a run-off among these {words.many} with the same rules, or settle it yourself as the facilitator.</p>
      <div className="tie__actions">
        <button className="button button--primary button--large" data-testid="start-runoff"
          onClick={() => void act(() => call(commands.startRunoff(workshopId, vote.id)))}>
          Run-off among the tied {words.many}
        </button>
        <button className="button button--large" data-testid="facilitator-decide" onClick={() => setDeciding(true)}>
          Facilitator decides
        </button>
      </div>

      <Dialog title="The facilitator decides" open={deciding} onClose={close} testId="decide-dialog">
        <fieldset className="decide__options">
          <legend className="dialog__message">
            Choose one of the tied {words.many}. It becomes the room’s {words.chosen}, recorded as the facilitator’s decision, not as the vote’s result.
          </legend>
          {tiedIds.map((id) => (
            <label key={id} className={`decide__option${picked === id ? " decide__option--picked" : ""}`}>
              <input type="radio" name="decide" data-testid="decide-option" data-statement={statementOf(id)}
                checked={picked === id} onChange={() => { setPicked(id); setError(null); }} />
              <span>{statementOf(id)}</span>
            </label>
          ))}
        </fieldset>
        {error && <p className="form__error" role="alert" data-testid="form-error">{error}</p>}
        <div className="dialog__actions">
          <button className="button button--ghost" onClick={close}>Cancel</button>
          <button className="button button--primary" data-testid="decide-confirm" disabled={!picked} onClick={() => void confirm()}>
            Record my decision
          </button>
        </div>
      </Dialog>
    </div>
  );
}
