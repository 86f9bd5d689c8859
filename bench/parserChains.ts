/** The long flat chains of issue 14 §1, shared by the bench and the tests. */
export function chains(): Record<string, string> {
  return {
    '10,000-term OR': `SELECT * FROM Calls WHERE ${Array.from({ length: 10_000 }, (_, i) => `Id = ${i}`).join(' OR ')}`,
    '100,000-term + chain': `SELECT ${Array(100_000).fill('1').join('+')} FROM Calls`,
  };
}
