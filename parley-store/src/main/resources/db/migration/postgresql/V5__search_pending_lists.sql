-- New entries of a GIN index go to its pending list first; the insert that finds the list over
-- gin_pending_list_limit (4 MB by default) merges the whole list into the index inside its own
-- statement, and the writes committed with it wait. Parley merges the lists of the two search
-- indexes every second in the background (gin_clean_pending_list, BackgroundUpkeep), so the limit
-- is raised far above what a second of sends adds: an insert then never has to merge. The limit
-- is still there (64 MB) for a server whose background merge cannot run.
ALTER INDEX messages_search_words_idx SET (gin_pending_list_limit = 65536);
ALTER INDEX messages_search_trigrams_idx SET (gin_pending_list_limit = 65536);
