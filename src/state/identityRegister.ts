/**
 * Every person the OCR endpoints have returned (and every person a scenario declares) is "on record",
 * so a later verification call (IdCardOCRVerification) can answer as the ID database would.
 */
export class IdentityRegister {
  private readonly names = new Map<string, string>();

  remember(idNum: string, name: string): void {
    if (idNum) this.names.set(idNum, name);
  }

  nameOf(idNum: string): string | undefined {
    return this.names.get(idNum);
  }

  get size(): number {
    return this.names.size;
  }

  reset(): void {
    this.names.clear();
  }
}
