# app.py
print("Hello, Docker!")
