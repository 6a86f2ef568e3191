// The random texts of the equivalence tests: a linear congruential draw in [0, m), reproducible from
// its seed, the same on every platform (std::uniform_int_distribution is not).
#ifndef ESGAUDIT_TESTS_RANDOM_DRAW_H_
#define ESGAUDIT_TESTS_RANDOM_DRAW_H_

#include <cstdint>

namespace esgaudit::testing {

class Draw {
 public:
  explicit Draw(uint32_t seed) : seed_(seed) {}
  uint32_t operator()(uint32_t m) {
    seed_ = seed_ * 1103515245u + 12345u;
    return (seed_ >> 8) % m;
  }

 private:
  uint32_t seed_;
};

}  // namespace esgaudit::testing

#endif  // ESGAUDIT_TESTS_RANDOM_DRAW_H_
