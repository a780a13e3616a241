module.exports = () => 'hello from sample v1';
