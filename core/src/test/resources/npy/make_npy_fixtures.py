"""Makes the .npy fixtures for NpyTest (run once with numpy; the files are checked in).

    /usr/bin/python3 make_npy_fixtures.py
"""
import numpy as np

np.save("f4_2x3.npy", np.array([[1.5, -2.0, 3.25], [0.0, 1e-8, -7.0]], dtype=np.float32))
np.save("f8_2x1x2.npy", np.array([[[0.1, 0.2]], [[-0.3, 1e300]]], dtype=np.float64))
np.save("f4_3.npy", np.array([1, 2, 3], dtype=np.float32))
np.save("i8_2.npy", np.array([1, 2], dtype=np.int64))
np.save("f4_fortran.npy", np.asfortranarray(np.ones((2, 2), dtype=np.float32)))
