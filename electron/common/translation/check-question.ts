// A question stays a question, and a statement a statement: the Latin '?' and the Arabic '؟' are both question marks
// in either language (Arabic text is often typed with '?').
import { finding, type Finding } from './findings';

const QUESTION_MARK = /[?؟]/u;

export function checkQuestion(source: string, target: string): Finding[] {
  const asks = QUESTION_MARK.test(source);
  if (asks === QUESTION_MARK.test(target)) return [];
  return [finding(asks ? 'questionLost' : 'questionAdded')];
}
