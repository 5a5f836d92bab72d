// What the options of a vote are called, so the same ballot, results and tie screens serve
// the vote on needs (step 4) and the vote on candidate metrics (step 5).
import { createContext, useContext } from "react";

export interface VoteWords {
  one: string;
  many: string;
  /** What the winner becomes: "focus need", "chosen metric". */
  chosen: string;
}

export const NEED_WORDS: VoteWords = { one: "need", many: "needs", chosen: "focus need" };
export const CANDIDATE_WORDS: VoteWords = { one: "candidate", many: "candidates", chosen: "chosen metric" };

export const VoteWordsContext = createContext<VoteWords>(NEED_WORDS);

export function useVoteWords(): VoteWords {
  return useContext(VoteWordsContext);
}
