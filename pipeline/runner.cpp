#include "runner.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <span>
#include <thread>
#include <vector>

namespace news {

RunStats run_articles(ArticleReader& reader, Pipeline& pipeline, const RecordSink& sink, const RunOptions& options) {
  RunStats stats;
  const auto t0 = std::chrono::steady_clock::now();
  const unsigned threads = std::max(1u, options.threads);
  std::vector<Article> batch;
  std::vector<nlohmann::ordered_json> records;
  std::vector<std::string> texts;
  std::vector<std::vector<std::string>> error_codes;
  auto last_progress = t0;
  while (true) {
    batch.clear();
    size_t bytes = 0;
    while (batch.size() < options.batch_articles && bytes < options.batch_bytes) {
      auto a = reader.next();
      if (!a) break;
      if (options.shards && shard_of(a->id, options.shards) != options.shard) {
        ++stats.other_shards;
        continue;
      }
      if (options.duplicates)
        if (auto first = options.duplicates->check(*a)) {
          a->duplicate_of = std::move(*first);
          ++stats.duplicates;
        }
      bytes += a->text.size() + a->title.size();
      batch.push_back(std::move(*a));
    }
    if (batch.empty()) break;
    stats.bytes += bytes;
    const bool text = bool(options.text_sink);
    if (text) {
      texts.assign(batch.size(), {});
      error_codes.assign(batch.size(), {});
    } else {
      records.assign(batch.size(), {});
    }
    std::atomic<size_t> next{0};
    auto work = [&] {
      if (text) {
        // Every thread gets work: groups are no larger than the batch's share of one thread.
        const size_t share = (batch.size() + threads - 1) / threads;
        const size_t group = std::clamp<size_t>(share, 1, std::max<size_t>(1, options.stage_group));
        for (size_t i = next.fetch_add(group); i < batch.size(); i = next.fetch_add(group)) {
          const size_t n = std::min(group, batch.size() - i);
          pipeline.process_texts(std::span<Article>(batch).subspan(i, n), std::span<std::string>(texts).subspan(i, n),
                                 std::span<std::vector<std::string>>(error_codes).subspan(i, n));
        }
        return;
      }
      for (size_t i = next++; i < batch.size(); i = next++) records[i] = pipeline.process(std::move(batch[i]));
    };
    if (threads == 1 || batch.size() == 1) {
      work();
    } else {
      std::vector<std::thread> pool;
      for (unsigned t = 1; t < std::min<size_t>(threads, batch.size()); ++t) pool.emplace_back(work);
      work();
      for (auto& t : pool) t.join();
    }
    for (size_t i = 0; text && i < texts.size(); ++i) {
      ++stats.processed;
      if (!error_codes[i].empty()) ++stats.failed;
      for (const auto& code : error_codes[i]) ++stats.errors_by_code[code];
      options.text_sink(texts[i]);
    }
    for (auto& r : records) {
      ++stats.processed;
      const auto& errs = r["errors"];
      if (!errs.empty()) {
        ++stats.failed;
        for (const auto& e : errs) ++stats.errors_by_code[e.value("code", "unknown")];
      }
      sink(r);
    }
    if (options.progress) {
      const auto now = std::chrono::steady_clock::now();
      if (now - last_progress > std::chrono::milliseconds(500)) {
        last_progress = now;
        const double secs = std::chrono::duration<double>(now - t0).count();
        const double mbps = double(reader.bytes_read()) / 1e6 / std::max(secs, 1e-9);
        std::string eta;
        if (reader.known_input_bytes() > 0 && mbps > 0) {
          const double left = double(reader.known_input_bytes() - std::min(reader.known_input_bytes(), reader.bytes_read())) / 1e6 / mbps;
          eta = ", " + std::to_string(int(left)) + " s left";
        }
        std::fprintf(stderr, "\r%llu articles, %.1f MB/s%s   ", (unsigned long long)stats.processed, mbps, eta.c_str());
      }
    }
  }
  if (options.progress) std::fprintf(stderr, "\r%80s\r", "");
  stats.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return stats;
}

}  // namespace news
