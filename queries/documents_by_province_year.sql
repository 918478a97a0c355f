-- Which legal and party documents are cited most, per province and year?
--
-- One row per (province, year, document): the document's issuer (code and full name), the
-- number of articles citing it, and its rank within that province and year (top 10 kept). An article counts once for every province it
-- names. A document is its normalised symbol (08-NQ/TU), else "type number" (Chỉ thị 48); a bare
-- type ("Nghị quyết" alone) names no document and is left out. Undated articles have year NULL.
WITH refs AS (
    SELECT DISTINCT article_id,
           coalesce(symbol, doc_type || ' ' || number) AS document,
           doc_type,
           issuer,
           issuer_name
    FROM 'legal_refs.parquet'
    WHERE symbol IS NOT NULL OR number IS NOT NULL
),
places AS (
    SELECT article_id, year(published_date) AS year, unnest(provinces) AS province
    FROM 'articles.parquet'
)
SELECT p.province,
       p.year,
       r.document,
       min(r.doc_type) AS doc_type,
       min(r.issuer) AS issuer,
       min(r.issuer_name) AS issuer_name,
       count(DISTINCT r.article_id) AS articles,
       rank() OVER (PARTITION BY p.province, p.year ORDER BY count(DISTINCT r.article_id) DESC) AS rank
FROM refs AS r
JOIN places AS p USING (article_id)
GROUP BY p.province, p.year, r.document
QUALIFY rank <= 10
ORDER BY p.province, p.year NULLS LAST, rank, r.document;
