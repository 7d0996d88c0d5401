package org.difflab.runtime.data;

/**
 * The shapes drawn by {@link SyntheticShapes}, each a set of pixel centres around an integer centre with an integer
 * radius r. Offsets (dx, dy) are from the centre to a pixel centre, y pointing down the rows; all of them are multiples of
 * 1/2, so every test below is exact in floating point and a pixel is covered or not, with no anti-aliasing.
 */
public enum ShapeKind {
    /** The disc dx^2 + dy^2 <= r^2. */
    DISC {
        @Override
        public boolean covers(double dx, double dy, int r) {
            return dx * dx + dy * dy <= (double) r * r;
        }
    },
    /** The axis-aligned square |dx| <= r, |dy| <= r (side 2r). */
    SQUARE {
        @Override
        public boolean covers(double dx, double dy, int r) {
            return Math.abs(dx) <= r && Math.abs(dy) <= r;
        }
    },
    /** The isosceles triangle with apex (0, -r) and base from (-r, r) to (r, r): dy <= r and |dx| <= (dy + r) / 2. */
    TRIANGLE {
        @Override
        public boolean covers(double dx, double dy, int r) {
            return dy <= r && Math.abs(dx) <= (dy + r) / 2;
        }
    };

    /** Whether the pixel centre at offset (dx, dy) from the shape's centre lies in the shape of radius r. */
    public abstract boolean covers(double dx, double dy, int r);
}
