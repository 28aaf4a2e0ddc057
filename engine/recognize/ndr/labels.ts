// Fixed labels of Exchange NDRs, per language. The SMTP reply itself is never translated (docs/knowledge.md#layouts),
// so labels only locate the generating server, the remote server and the original message headers.
// German labels: docs/knowledge.md#layouts (Microsoft's German NDR reference); French, Spanish, Italian, Dutch, Portuguese and Japanese:
// Exchange's localized NDR templates as admins paste them [obs].

type LabelKey = 'generating-server' | 'remote-server' | 'diagnostic-info' | 'original-headers' | 'rejected-recipient';

interface NdrLabel {
  key: LabelKey;
  lang: string;
  /** Lower-case label text, without the colon. */
  text: string;
}

const L = (key: LabelKey, lang: string, ...texts: string[]): NdrLabel[] => texts.map((text) => ({ key, lang, text }));

const NDR_LABELS: readonly NdrLabel[] = [
  ...L('generating-server', 'en', 'generating server'),
  ...L('generating-server', 'de', 'generierender server'),
  ...L('generating-server', 'fr', 'serveur de génération', 'serveur générant le rapport'),
  ...L('generating-server', 'es', 'servidor de generación', 'servidor que genera'),
  ...L('generating-server', 'it', 'server di generazione'),
  ...L('generating-server', 'nl', 'genererende server'),
  ...L('generating-server', 'pt', 'servidor de geração'),
  ...L('generating-server', 'ja', '生成サーバー', '生成サーバ'),
  ...L('remote-server', 'en', 'remote server'),
  ...L('remote-server', 'de', 'remoteserver'),
  ...L('remote-server', 'fr', 'serveur distant'),
  ...L('remote-server', 'es', 'servidor remoto'),
  ...L('remote-server', 'it', 'server remoto'),
  ...L('remote-server', 'nl', 'externe server'),
  ...L('remote-server', 'pt', 'servidor remoto'),
  ...L('remote-server', 'ja', 'リモート サーバー', 'リモートサーバー'),
  ...L('diagnostic-info', 'en', 'diagnostic information for administrators'),
  ...L('diagnostic-info', 'de', 'diagnoseinformationen für administratoren'),
  ...L('diagnostic-info', 'fr', 'informations de diagnostic pour les administrateurs'),
  ...L('diagnostic-info', 'es', 'información de diagnóstico para administradores'),
  ...L('diagnostic-info', 'it', 'informazioni di diagnostica per gli amministratori'),
  ...L('diagnostic-info', 'nl', 'diagnostische gegevens voor beheerders'),
  ...L('diagnostic-info', 'pt', 'informações de diagnóstico para administradores'),
  ...L('diagnostic-info', 'ja', '管理者向けの診断情報'),
  ...L('original-headers', 'en', 'original message headers'),
  ...L('original-headers', 'de', 'ursprüngliche nachrichtenkopfzeilen'),
  ...L(
    'original-headers',
    'fr',
    "en-têtes de message d'origine",
    "en-têtes du message d'origine",
    'en-têtes de message d’origine',
  ),
  ...L('original-headers', 'es', 'encabezados de mensaje originales', 'encabezados del mensaje original'),
  ...L('original-headers', 'it', 'intestazioni originali del messaggio', 'intestazioni del messaggio originale'),
  ...L('original-headers', 'nl', 'oorspronkelijke berichtkoppen'),
  ...L('original-headers', 'pt', 'cabeçalhos da mensagem original'),
  ...L('original-headers', 'ja', '元のメッセージ ヘッダー', '元のメッセージヘッダー'),
  ...L('rejected-recipient', 'en', 'rejected recipient'),
  ...L('rejected-recipient', 'de', 'zurückgewiesener empfänger'),
  ...L('rejected-recipient', 'fr', 'destinataire rejeté'),
  ...L('rejected-recipient', 'es', 'destinatario rechazado'),
  ...L('rejected-recipient', 'ja', '拒否された受信者'),
];

export interface LabelHit {
  label: NdrLabel;
  /** Text after the label and its colon (may be empty: the value is then on the next line). */
  value: string;
}

/** The label a line starts with, if any (`Generating server: EX01`, `Generierender Server:`, `生成サーバー：`). */
export function matchLabel(line: string): LabelHit | undefined {
  if (line.length > 400) return undefined;
  const t = line.trim();
  const lower = t.toLowerCase();
  for (const label of NDR_LABELS) {
    if (!lower.startsWith(label.text)) continue;
    const rest = t.slice(label.text.length);
    const m = /^\s{0,3}[:：]\s*(.*)$/.exec(rest);
    if (m) return { label, value: m[1].trim() };
    if (rest.trim() === '' && (label.key === 'diagnostic-info' || label.key === 'original-headers'))
      return { label, value: '' };
  }
  return undefined;
}
