// Runs a pipeline over a stream of articles on N threads with bounded
// read-ahead, handing records to `sink` strictly in input order.
//
//   RunStats s = run_articles(reader, pipeline, sink, RunOptions{.threads = 4});
//
// Memory stays flat: the main thread reads at most `read_ahead_articles` (and about
// `read_ahead_bytes` of text) ahead of what it has written; workers take groups of
// `stage_group` articles from that window as they come free.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "io/dedup.hpp"
#include "io/reader.hpp"
#include "pipeline.hpp"

namespace news {

struct RunOptions {
  unsigned threads = 1;
  size_t read_ahead_articles = 1536;
  size_t read_ahead_bytes = 32u << 20;
  // Articles a worker takes at a time and runs stage by stage (Pipeline::process_texts);
  // on 20 MB of news, groups of 256 ran 1.3x faster than one article at a time.
  size_t stage_group = 256;
  size_t stage_group_bytes = 1u << 20;
  // Articles at least this large run one at a time, whatever the thread count (the other
  // workers go on with the rest), and their memory goes back to the system when done: a
  // document takes about 25 times its text, so two 8 MB articles at once would double the peak.
  size_t exclusive_article_bytes = 2u << 20;
  bool progress = false;  // a progress line on stderr
  // Keep only the articles of shard `shard` of `shards` (shard_of their id); 0 = all.
  uint64_t shards = 0, shard = 0;
  // Marks stories seen earlier in the run (`duplicate_of`); null = no deduplication.
  DuplicateFinder* duplicates = nullptr;
  // When set, records go here as JSON text made by the worker threads (no tree is built)
  // instead of to the RecordSink.
  std::function<void(const std::string& line)> text_sink;
};

struct RunStats {
  uint64_t processed = 0, failed = 0, bytes = 0;
  uint64_t duplicates = 0, other_shards = 0;
  std::map<std::string, uint64_t> errors_by_code;
  double seconds = 0;
};

using RecordSink = std::function<void(const nlohmann::ordered_json& record)>;

RunStats run_articles(ArticleReader& reader, Pipeline& pipeline, const RecordSink& sink, const RunOptions& options);

}  // namespace news
