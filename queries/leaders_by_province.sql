-- Who held which post, per province, over time?
--
-- One row per (province, year, post, name): people named with a post, as written in the article,
-- with the number of articles and the first and last publication date they were seen with that
-- post. An article counts for every province it names, so a national leader visiting a province
-- is listed under it. Names are not resolved across spellings (see the card's limitations).
WITH held AS (
    SELECT p.name, unnest(p.posts) AS post, a.article_id, a.published_date, a.provinces
    FROM 'people.parquet' AS p
    JOIN 'articles.parquet' AS a USING (article_id)
    WHERE len(p.posts) > 0
),
placed AS (
    SELECT name, post, article_id, published_date, unnest(provinces) AS province
    FROM held
)
SELECT province,
       year(published_date) AS year,
       post,
       name,
       count(DISTINCT article_id) AS articles,
       min(published_date) AS first_seen,
       max(published_date) AS last_seen
FROM placed
GROUP BY province, year(published_date), post, name
ORDER BY province, year NULLS LAST, post, name;
