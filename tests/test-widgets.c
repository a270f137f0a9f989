/* placeholder until this suite is written */
int main (void);
int main (void) { return 0; }
