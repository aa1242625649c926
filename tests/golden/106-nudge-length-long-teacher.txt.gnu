corpus/106-nudge-length-long-teacher.txt:3:1: warning: This reads as a nudge note and its body has 158 words; keep it to 150 words or fewer: cut the repeated thanks, the background the reader already knows and anything that belongs in a call. [FollowUp.Length]
# exit 0
