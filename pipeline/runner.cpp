#include "runner.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <exception>
#if defined(__GLIBC__)
#include <malloc.h>
#endif
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <thread>
#include <vector>

// jemalloc's control call where the program is linked with it (the CLI is, when it is installed;
// the tests are not): null otherwise.
extern "C" int mallctl(const char* name, void* old, size_t* old_length, void* value, size_t length) __attribute__((weak));

namespace news {

namespace {

// Articles a worker runs stage by stage (Pipeline::process_texts), the records made from
// them, and whether they are done.
struct Group {
  std::vector<Article> articles;
  size_t bytes = 0;
  std::vector<nlohmann::ordered_json> records;        // without a text sink
  std::vector<std::string> texts;                     // with a text sink
  std::vector<std::vector<std::string>> error_codes;  // with a text sink
  bool done = false;                                  // guarded by GroupRunner::mutex_
};

size_t text_bytes(const Article& a) { return a.text.size() + a.title.size(); }

// The main thread reads articles into groups and writes finished groups in input order;
// N workers take groups from a queue as they come free. No batch waits for its slowest
// group: a worker done early takes the next group, as long as the read-ahead bound allows.
class GroupRunner {
 public:
  GroupRunner(ArticleReader& reader, Pipeline& pipeline, const RecordSink& sink, const RunOptions& options)
      : reader_(reader), pipeline_(pipeline), sink_(sink), options_(options),
        threads_(std::max(1u, options.threads)), text_(bool(options.text_sink)) {}

  RunStats run() {
    t0_ = last_progress_ = std::chrono::steady_clock::now();
    if (threads_ == 1) {
      for (auto g = read_group(); g; g = read_group()) {
        process(*g);
        write(*g);
      }
    } else {
      run_workers();
    }
    if (options_.progress) std::fprintf(stderr, "\r%80s\r", "");
    stats_.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0_).count();
    return stats_;
  }

 private:
  void run_workers() {
    std::vector<std::thread> pool;
    for (unsigned t = 0; t < threads_; ++t) pool.emplace_back([this] { work(); });
    std::exception_ptr failure;  // a closed output, a broken input: stop the workers first
    try {
      feed_and_write();
    } catch (...) {
      failure = std::current_exception();
    }
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stopping_ = true;
    }
    work_ready_.notify_all();
    for (auto& t : pool) t.join();
    if (failure) std::rethrow_exception(failure);
    if (worker_failure_) std::rethrow_exception(worker_failure_);
  }

  // Reads while the read-ahead bound allows, writes the oldest group as soon as it is done,
  // and otherwise waits for it.
  void feed_and_write() {
    size_t articles_in_flight = 0, bytes_in_flight = 0;
    bool input_done = false;
    for (;;) {
      std::unique_lock<std::mutex> lock(mutex_);
      if (worker_failure_) return;
      if (!in_flight_.empty() && in_flight_.front()->done) {
        std::unique_ptr<Group> g = std::move(in_flight_.front());
        in_flight_.pop_front();
        lock.unlock();
        articles_in_flight -= g->articles.size();
        bytes_in_flight -= g->bytes;
        write(*g);
        continue;
      }
      const bool room = in_flight_.empty() ||
                        (articles_in_flight < options_.read_ahead_articles && bytes_in_flight < options_.read_ahead_bytes);
      if (!input_done && room) {
        lock.unlock();
        std::unique_ptr<Group> g = read_group();
        if (!g) {
          input_done = true;
          continue;
        }
        articles_in_flight += g->articles.size();
        bytes_in_flight += g->bytes;
        in_flight_.push_back(std::move(g));
        lock.lock();
        todo_.push_back(in_flight_.back().get());
        lock.unlock();
        work_ready_.notify_one();
        continue;
      }
      if (in_flight_.empty()) return;  // input done, everything written
      group_done_.wait(lock, [&] { return in_flight_.front()->done || worker_failure_; });
    }
  }

  void work() {
    for (;;) {
      Group* g = nullptr;
      {
        std::unique_lock<std::mutex> lock(mutex_);
        work_ready_.wait(lock, [&] { return stopping_ || !todo_.empty(); });
        if (stopping_) return;  // the input or output failed; an orderly end has nothing left to do
        g = todo_.front();
        todo_.pop_front();
      }
      try {
        process(*g);
      } catch (...) {
        std::lock_guard<std::mutex> lock(mutex_);
        if (!worker_failure_) worker_failure_ = std::current_exception();
        group_done_.notify_one();
        return;
      }
      {
        std::lock_guard<std::mutex> lock(mutex_);
        g->done = true;
      }
      group_done_.notify_one();
    }
  }

  // The next group: at most stage_group articles and, unless one article alone is larger,
  // stage_group_bytes of text (memory: a group's documents are all alive at once). Null at
  // the end of the input.
  std::unique_ptr<Group> read_group() {
    auto g = std::make_unique<Group>();
    while (g->articles.size() < std::max<size_t>(1, options_.stage_group)) {
      std::optional<Article> a = std::move(held_over_);
      held_over_.reset();
      if (!a) a = next_article();
      if (!a) break;
      const size_t b = text_bytes(*a);
      if (!g->articles.empty() && g->bytes + b > options_.stage_group_bytes) {
        held_over_ = std::move(a);
        break;
      }
      g->bytes += b;
      g->articles.push_back(std::move(*a));
    }
    if (g->articles.empty()) return nullptr;
    return g;
  }

  std::optional<Article> next_article() {
    for (;;) {
      auto a = reader_.next();
      if (!a) return a;
      if (options_.shards && shard_of(a->id, options_.shards) != options_.shard) {
        ++stats_.other_shards;
        continue;
      }
      if (options_.duplicates)
        if (auto first = options_.duplicates->check(*a)) {
          a->duplicate_of = std::move(*first);
          ++stats_.duplicates;
        }
      stats_.bytes += text_bytes(*a);
      return a;
    }
  }

  void process(Group& g) {
    const size_t n = g.articles.size();
    if (text_) {
      g.texts.assign(n, {});
      g.error_codes.assign(n, {});
      one_large_at_a_time(g.bytes, [&] { pipeline_.process_texts(g.articles, g.texts, g.error_codes); });
      return;
    }
    g.records.assign(n, {});
    for (size_t i = 0; i < n; ++i)
      one_large_at_a_time(text_bytes(g.articles[i]), [&] { g.records[i] = pipeline_.process(std::move(g.articles[i])); });
  }

  // Runs `work` on `bytes` of text; from options_.exclusive_article_bytes on, alone among the
  // large ones, then hands the freed memory back (glibc and jemalloc keep it per thread or arena
  // otherwise, and the next large article, on another worker, would take as much again).
  template <class Work>
  void one_large_at_a_time(size_t bytes, Work&& work) {
    if (bytes < options_.exclusive_article_bytes) {
      work();
      return;
    }
    std::lock_guard<std::mutex> one(large_article_);
    work();
#if defined(__GLIBC__)
    malloc_trim(0);
#endif
    if (mallctl) mallctl("arena.4096.purge", nullptr, nullptr, nullptr, 0);  // 4096: MALLCTL_ARENAS_ALL
  }

  void write(Group& g) {
    for (size_t i = 0; text_ && i < g.texts.size(); ++i) {
      ++stats_.processed;
      if (!g.error_codes[i].empty()) ++stats_.failed;
      for (const auto& code : g.error_codes[i]) ++stats_.errors_by_code[code];
      options_.text_sink(g.texts[i]);
    }
    for (auto& r : g.records) {
      ++stats_.processed;
      const auto& errs = r["errors"];
      if (!errs.empty()) {
        ++stats_.failed;
        for (const auto& e : errs) ++stats_.errors_by_code[e.value("code", "unknown")];
      }
      sink_(r);
    }
    report_progress();
  }
  void report_progress() {
    if (!options_.progress) return;
    const auto now = std::chrono::steady_clock::now();
    if (now - last_progress_ <= std::chrono::milliseconds(500)) return;
    last_progress_ = now;
    const double secs = std::chrono::duration<double>(now - t0_).count();
    const double mbps = double(reader_.bytes_read()) / 1e6 / std::max(secs, 1e-9);
    std::string eta;
    if (reader_.known_input_bytes() > 0 && mbps > 0) {
      const double left = double(reader_.known_input_bytes() - std::min(reader_.known_input_bytes(), reader_.bytes_read())) / 1e6 / mbps;
      eta = ", " + std::to_string(int(left)) + " s left";
    }
    std::fprintf(stderr, "\r%llu articles, %.1f MB/s%s   ", (unsigned long long)stats_.processed, mbps, eta.c_str());
  }

  ArticleReader& reader_;
  Pipeline& pipeline_;
  const RecordSink& sink_;
  const RunOptions& options_;
  const unsigned threads_;
  const bool text_;
  RunStats stats_;
  std::chrono::steady_clock::time_point t0_, last_progress_;
  std::mutex large_article_;  // held while a large article runs (one_large_at_a_time)
  std::optional<Article> held_over_;  // read, but too large for the group it was read for

  std::mutex mutex_;  // guards what follows, and Group::done
  std::condition_variable work_ready_, group_done_;
  // Groups read and not yet written, in input order; only the main thread changes it. A
  // member, not a local of feed_and_write: workers still hold groups when a failure leaves it.
  std::deque<std::unique_ptr<Group>> in_flight_;
  std::deque<Group*> todo_;  // groups no worker has taken yet, in input order
  bool stopping_ = false;
  std::exception_ptr worker_failure_;
};

}  // namespace

RunStats run_articles(ArticleReader& reader, Pipeline& pipeline, const RecordSink& sink, const RunOptions& options) {
  return GroupRunner(reader, pipeline, sink, options).run();
}

}  // namespace news
