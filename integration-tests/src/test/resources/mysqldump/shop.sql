-- The source database of MysqldumpRoundTripTest, created in MariaDB: most column types, keys, a foreign key,
-- a CHECK, a generated column, a JSON column, a view and two triggers (one with BEGIN ... IF ... END).
CREATE DATABASE shop;
USE shop;
CREATE TABLE customers (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  email VARCHAR(100) NOT NULL,
  name VARCHAR(50) CHARACTER SET utf8mb4 DEFAULT NULL,
  balance DECIMAL(12,2) NOT NULL DEFAULT 0.00,
  rating DOUBLE DEFAULT NULL,
  score FLOAT DEFAULT NULL,
  active TINYINT(1) NOT NULL DEFAULT 1,
  kind ENUM('retail','wholesale') NOT NULL DEFAULT 'retail',
  flags SET('a','b','c') DEFAULT NULL,
  born DATE DEFAULT NULL,
  created DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  updated TIMESTAMP NULL DEFAULT NULL,
  wake TIME DEFAULT NULL,
  yr YEAR DEFAULT NULL,
  notes TEXT,
  avatar BLOB,
  code BINARY(4) DEFAULT NULL,
  big BIGINT DEFAULT NULL,
  ubig BIGINT UNSIGNED DEFAULT NULL,
  small SMALLINT DEFAULT NULL,
  bits BIT(8) DEFAULT NULL,
  UNIQUE KEY uq_email (email),
  KEY idx_name (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE TABLE orders (
  id INT NOT NULL AUTO_INCREMENT,
  customer_id INT UNSIGNED NOT NULL,
  total DECIMAL(10,2) NOT NULL,
  placed DATETIME NOT NULL,
  PRIMARY KEY (id),
  KEY fk_cust (customer_id),
  CONSTRAINT fk_cust FOREIGN KEY (customer_id) REFERENCES customers (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE TABLE order_log (id INT AUTO_INCREMENT PRIMARY KEY, order_id INT, note VARCHAR(100));
CREATE TABLE tags (name VARCHAR(20), weight INT);
INSERT INTO customers (email, name, balance, rating, score, active, kind, flags, born, created, updated, wake, yr, notes, avatar, code, big, ubig, small, bits) VALUES
 ('a@x.org', 'Ann', 10.50, 4.25, 1.5, 1, 'retail', 'a,c', '1990-05-01', '2024-01-02 03:04:05', '2024-01-02 03:04:05', '07:30:00', 1999, 'line1\nline2 ''quoted'' \\ backslash', 0x00FF10, 0x41424344, -9223372036854775808, 18446744073709551615, -32768, b'10101010'),
 ('b@x.org', 'Bé 🙂', -3.00, NULL, NULL, 0, 'wholesale', '', NULL, '2024-02-29 23:59:59', NULL, NULL, NULL, NULL, NULL, NULL, 42, 0, 7, b'0'),
 ('c@x.org', NULL, 0, 1e-5, 0.1, 1, 'retail', NULL, '2000-02-29', '2023-12-31 00:00:00', NULL, '-01:02:03', 2024, '', '', 0x00000000, NULL, NULL, NULL, NULL);
INSERT INTO orders (customer_id, total, placed) VALUES (1, 99.99, '2024-03-01 10:00:00'), (1, 5.00, '2024-03-02 11:00:00'), (2, 1234.56, '2024-03-03 12:00:00');
INSERT INTO tags VALUES ('x', 1), ('x', 1), ('y', NULL);
CREATE VIEW big_orders AS SELECT o.id, c.email, o.total FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.total > 50;
CREATE TRIGGER orders_ai AFTER INSERT ON orders FOR EACH ROW INSERT INTO order_log (order_id, note) VALUES (NEW.id, CONCAT('placed ', NEW.total));
CREATE TABLE order_lines (
  id INT PRIMARY KEY,
  qty INT NOT NULL,
  price DECIMAL(8,2) NOT NULL,
  line_total DECIMAL(12,2) AS (qty * price) VIRTUAL,
  doc JSON,
  CONSTRAINT qty_positive CHECK (qty > 0),
  KEY idx_total (line_total)
);
INSERT INTO order_lines (id, qty, price, doc) VALUES (1, 2, 3.50, '{"a": 1}'), (2, 10, 0.99, NULL);
DELIMITER ;;
CREATE TRIGGER lines_bi BEFORE INSERT ON order_lines FOR EACH ROW
BEGIN
  IF NEW.price < 0 THEN
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'negative price';
  END IF;
END;;
DELIMITER ;
