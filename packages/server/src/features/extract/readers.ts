/** Files to text (issue 16): contract stub, filled by the CLI helper. Plain text, HTML (main content), .docx, PDF. */
export interface ReadDocument { text: string; title?: string; format: 'text' | 'html' | 'docx' | 'pdf' }

export async function readDocument(bytes: Uint8Array, name: string, mime?: string): Promise<ReadDocument> {
  void name; void mime;
  return { text: new TextDecoder().decode(bytes), format: 'text' };
}
