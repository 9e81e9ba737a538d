-- Numbering register of issued documents (sổ đăng ký văn bản đi; NĐ 30/2020 Điều 15 and Phụ lục I): per issuing
-- body, per year (numbering restarts every 1 January) and per symbol ("BB-ĐKT", "TB-SNV"), each number used once.
-- A kernel table: discipline, inspections and reports number their documents here. issuer_unit_id is an org unit
-- id; no foreign key, because the kernel's tables are created before any module's.
CREATE TABLE official_document_counters (
  issuer_unit_id uuid NOT NULL,
  year           int  NOT NULL CHECK (year BETWEEN 1900 AND 9999),
  symbol         text NOT NULL CHECK (symbol <> ''),
  -- The last number handed out by allocation; the row lock on it serialises concurrent allocations.
  last_seq       int  NOT NULL CHECK (last_seq >= 0),
  PRIMARY KEY (issuer_unit_id, year, symbol)
);

CREATE TABLE official_document_numbers (
  issuer_unit_id uuid NOT NULL,
  year           int  NOT NULL,
  symbol         text NOT NULL,
  seq            int  NOT NULL CHECK (seq > 0),
  -- As printed after "Số:": "03/BB-ĐKT".
  number_text    text NOT NULL,
  -- ALLOCATED by allocateNumber; ENTERED when people numbered the document themselves (discipline decisions today).
  source         text NOT NULL CHECK (source IN ('ALLOCATED', 'ENTERED')),
  -- What the number was used for, e.g. "inspection_documents:<id>"; free text, set by the owner of the document.
  used_for       text,
  taken_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (issuer_unit_id, year, symbol, seq)
);
