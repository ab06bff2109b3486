"""Reference values for RngTest, written from the published definitions of SplitMix64 and
xoshiro256** (Blackman and Vigna, https://prng.di.unimi.it/) and of the samplers Rng documents:
53- and 24-bit uniforms, Lemire's unbiased bounded integers, Fisher-Yates from the end, Box-Muller
(cosine first, then the sine), and the counter-based keyed draw and label hash.

    python3 make_rng_reference.py > rng_reference.txt
"""
import math

M = (1 << 64) - 1
GAMMA = 0x9E3779B97F4A7C15


def mix(z):
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M
    return z ^ (z >> 31)


def rotl(x, k):
    return ((x << k) | (x >> (64 - k))) & M


class Xoshiro:
    def __init__(self, seed):
        x = seed & M
        s = []
        for _ in range(4):
            x = (x + GAMMA) & M
            s.append(mix(x))
        self.s = s
        self.spare = None

    def next_long(self):
        s = self.s
        result = (rotl((s[1] * 5) & M, 7) * 9) & M
        t = (s[1] << 17) & M
        s[2] ^= s[0]
        s[3] ^= s[1]
        s[1] ^= s[2]
        s[0] ^= s[3]
        s[2] ^= t
        s[3] = rotl(s[3], 45)
        return result

    def next_double(self):
        return (self.next_long() >> 11) * 2.0 ** -53

    def next_float(self):
        return (self.next_long() >> 40) * 2.0 ** -24

    def next_int(self, bound):
        m = (self.next_long() >> 32) * bound
        low = m & 0xFFFFFFFF
        if low < bound:
            threshold = ((1 << 32) - bound) % bound
            while low < threshold:
                m = (self.next_long() >> 32) * bound
                low = m & 0xFFFFFFFF
        return m >> 32

    def permutation(self, n):
        p = list(range(n))
        for i in range(n - 1, 0, -1):
            j = self.next_int(i + 1)
            p[i], p[j] = p[j], p[i]
        return p

    def next_gaussian(self):
        if self.spare is not None:
            g, self.spare = self.spare, None
            return g
        u1 = 0.0
        while u1 == 0.0:
            u1 = self.next_double()
        u2 = self.next_double()
        r = math.sqrt(-2.0 * math.log(u1))
        theta = 2.0 * math.pi * u2
        self.spare = r * math.sin(theta)
        return r * math.cos(theta)


def signed(x):
    return x - (1 << 64) if x >> 63 else x


def keyed(stream, a, b, c):
    h = mix(stream & M ^ 0x632BE59BD9B4E019)
    h = mix(h ^ (a & M))
    h = mix(h ^ ((b * GAMMA) & M))
    h = mix(h ^ ((c * 0xC2B2AE3D27D4EB4F) & M))
    return (h >> 40) * 2.0 ** -24


def key(seed, label):
    h = 1125899906842597
    for ch in label:
        h = (31 * h + ord(ch)) & M
    return mix((seed & M) ^ mix(h))


def line(name, values):
    print(name + ":", " ".join(values))


for seed in (42, 0, -1, 1 << 40):
    r = Xoshiro(seed)
    line("longs %d" % seed, [str(signed(r.next_long())) for _ in range(6)])
r = Xoshiro(7)
line("doubles 7", [repr(r.next_double()) for _ in range(4)])
line("floats 7", [repr(r.next_float()) for _ in range(4)])
for bound in (1, 10, 1000, 1610612736, 2147483647):
    r = Xoshiro(11)
    line("ints 11 %d" % bound, [str(r.next_int(bound)) for _ in range(8)])
r = Xoshiro(42)
line("permutation 42 10", [str(v) for v in r.permutation(10)])
line("after 42", [str(signed(r.next_long()))])
r = Xoshiro(3)
line("gaussians 3", [repr(r.next_gaussian()) for _ in range(5)])
line("keyed", [repr(keyed(s, a, b, c)) for s, a, b, c in
               ((0, 0, 0, 0), (1, 2, 3, 4), (-5, 1 << 33, 7, -1), (123456789, 0, 1, 0))])
line("key", [str(signed(key(s, lbl))) for s, lbl in ((42, "init"), (42, "shuffle"), (0, ""), (-3, "dropout:2"))])
