// A quiz written as plain text in one box (it works without JavaScript and reads like the quiz itself):
// a question on its first line, then its options, one per line starting with "-", the right one
// starting with "*"; a blank line between questions. Reading it back gives the same text.
//
//   ¿Qué hace precisa una retroalimentación?
//   * Nombra lo observado y termina en un paso
//   - Es larga y detallada
import type { QuizQuestion } from "./schema";

export const MAX_QUESTIONS = 30;
export const MAX_OPTIONS = 8;

export type QuizProblem =
  | { key: "learning.quiz.errors.empty" }
  | { key: "learning.quiz.errors.too_many"; max: number }
  | { key: "learning.quiz.errors.options"; question: number }
  | { key: "learning.quiz.errors.one_right"; question: number }
  | { key: "learning.quiz.errors.too_long"; question: number }
  | { key: "learning.quiz.errors.option_first"; line: number };

export function parseQuiz(text: string): { questions: QuizQuestion[] } | { problem: QuizProblem } {
  const blocks: Array<{ line: number; lines: string[] }> = [];
  let current: { line: number; lines: string[] } | null = null;
  for (const [index, raw] of text.replace(/\r\n?/g, "\n").split("\n").entries()) {
    const line = raw.trim();
    if (line === "") {
      current = null;
      continue;
    }
    if (!current) {
      current = { line: index + 1, lines: [] };
      blocks.push(current);
    }
    current.lines.push(line);
  }
  if (blocks.length === 0) return { problem: { key: "learning.quiz.errors.empty" } };
  if (blocks.length > MAX_QUESTIONS)
    return { problem: { key: "learning.quiz.errors.too_many", max: MAX_QUESTIONS } };
  const questions: QuizQuestion[] = [];
  for (const [q, block] of blocks.entries()) {
    const [prompt, ...rest] = block.lines;
    if (/^[-*]/.test(prompt))
      return { problem: { key: "learning.quiz.errors.option_first", line: block.line } };
    const options: string[] = [];
    let correct = -1;
    let rights = 0;
    let continued = prompt;
    for (const line of rest) {
      const marker = line[0];
      if (marker === "-" || marker === "*") {
        if (marker === "*") {
          rights += 1;
          correct = options.length;
        }
        options.push(line.slice(1).trim());
      } else if (options.length === 0) {
        // a question written over several lines
        continued = `${continued} ${line}`;
      } else options[options.length - 1] = `${options[options.length - 1]} ${line}`;
    }
    const number = q + 1;
    if (options.length < 2 || options.length > MAX_OPTIONS || options.some((o) => o === ""))
      return { problem: { key: "learning.quiz.errors.options", question: number } };
    if (rights !== 1) return { problem: { key: "learning.quiz.errors.one_right", question: number } };
    if (continued.length > 500 || options.some((o) => o.length > 300))
      return { problem: { key: "learning.quiz.errors.too_long", question: number } };
    questions.push({ prompt: continued, options, correct });
  }
  return { questions };
}

export function quizToText(questions: readonly QuizQuestion[]): string {
  return questions
    .map((q) => [q.prompt, ...q.options.map((o, i) => `${i === q.correct ? "*" : "-"} ${o}`)].join("\n"))
    .join("\n\n");
}
