// Answers every request with the greeting from lib/greeting.js, or a file from public/.
const http = require('http');
const fs = require('fs');
const path = require('path');
const greeting = require('./lib/greeting');

http
  .createServer((req, res) => {
    console.log(req.method + ' ' + req.url);
    if (req.url.startsWith('/static/')) {
      const file = path.join(__dirname, 'public', path.basename(req.url));
      fs.readFile(file, (err, data) => {
        res.statusCode = err ? 404 : 200;
        res.end(err ? 'not found\n' : data);
      });
      return;
    }
    res.end(greeting() + '\n');
  })
  .listen(8080, () => console.log('sample listening on 8080'));
